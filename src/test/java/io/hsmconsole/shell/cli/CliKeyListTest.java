package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.key.ListedKey;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresServer;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code key list} reads one listing (cloudhsm_cli-key-list.md): every key the user can use — own,
 * shared with them, every other user's public key, never another's private or unshared key — in the
 * HSM's order, 10 a page by default, {@code next_token} to the next page, and {@code --filter}
 * terms (a label looked up in the store, a pair's curve read from its material) selecting exactly the
 * keys that match; the same on SQLite and PostgreSQL. The session's own keys join the listing.
 */
class CliKeyListTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CU = Map.of(CliShell.ROLE_VARIABLE, "crypto-user",
            CliShell.PIN_VARIABLE, "example_user:example_pwd");

    @TempDir
    Path temp;
    private ClusterCatalog catalog;
    private final List<Long> expected = new ArrayList<>();
    private final List<Long> labelledX = new ArrayList<>();
    private long alicePublic;

    private void seed(String store) {
        StoreBackend backend = store.equals("sqlite") ? new SqliteBackend() : new PostgresBackend(PostgresServer.get().newDatabase());
        catalog = new ClusterCatalog(backend, new DataDirectory(temp.resolve("data")), new ManualClock(TestClusters.START));
        try (HsmCluster c = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.of(
                io.hsmconsole.hsm.cluster.HsmType.HSM2M_MEDIUM, 3, 0));
             HsmSession example = TestClusters.login(c, "example_user");
             HsmSession alice = TestClusters.login(c, "alice");
             HsmSession bob = TestClusters.login(c, "bob")) {
            GeneratedPair pair = alice.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("x")), SyncObserver.NONE)
                    .value();
            alicePublic = pair.publicHandle();
            expected.add(alicePublic); // alice's private key stays hers
            labelledX.add(alicePublic);
            long shared = key(alice, "x");
            assertThat(alice.shareKey(shared, example.user().id(), true).isSuccess()).isTrue();
            expected.add(shared);
            labelledX.add(shared);
            key(alice, "x"); // not shared
            key(bob, "x");
            for (int i = 0; i < 12; i++) {
                long k = key(example, i % 2 == 0 ? "x" : "y");
                expected.add(k);
                if (i % 2 == 0) {
                    labelledX.add(k);
                }
            }
            // the order the HSM made them in
            expected.sort(Comparator.comparingLong(io.hsmconsole.hsm.key.Handles::counterOf));
            labelledX.sort(Comparator.comparingLong(io.hsmconsole.hsm.key.Handles::counterOf));
        }
    }

    private static long key(HsmSession s, String label) {
        return s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, label)).value().handle();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void pagesWalkEveryUsableKeyOnceInTheHsmsOrder(String store) throws Exception {
        seed(store);
        List<Long> walked = new ArrayList<>();
        JsonNode page = list("--max-items", "5");
        List<String> tokens = new ArrayList<>();
        while (true) {
            assertThat(page.get("total_key_count").asInt()).isEqualTo(expected.size());
            page.get("matched_keys").forEach(k -> walked.add(Long.decode(k.get("key-reference").asText())));
            if (!page.has("next_token")) {
                break;
            }
            tokens.add(page.get("next_token").asText());
            page = list("--max-items", "5", "--starting-token", page.get("next_token").asText());
        }
        assertThat(tokens).containsExactly("5", "10");
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(handles(list())).as("10 by default").containsExactlyElementsOf(expected.subList(0, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void filtersSelectExactlyTheMatchingKeys(String store) throws Exception {
        seed(store);
        assertThat(handles(list("--max-items", "100", "--filter", "attr.label=x"))).containsExactlyElementsOf(labelledX);
        assertThat(handles(list("--max-items", "100", "--filter", "attr.label=x", "attr.key-type=aes")))
                .containsExactlyElementsOf(labelledX.subList(1, labelledX.size()));
        assertThat(handles(list("--filter", "attr.label=x", "attr.label=y"))).as("two labels: none has both").isEmpty();
        assertThat(handles(list("--filter", "attr.curve=secp256r1"))).as("a pair value, read from the material")
                .containsExactly(alicePublic);
        assertThat(handles(list("--filter", "attr.label=nobody"))).isEmpty();
        assertThat(handles(list("--filter", "key-reference=" + alicePublic))).containsExactly(alicePublic);
    }

    /** The simulator's listing agrees with the console's key list, the session's own key included. */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theListingHoldsTheSessionsKeysAndAgreesWithTheConsolesKeyList(String store) {
        seed(store);
        try (HsmCluster c = catalog.open(ClusterCatalog.DEMO_CLUSTER); HsmSession s = TestClusters.login(c, "example_user")) {
            long sessionKey = s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "x").withSession(true)).value().handle();
            List<Long> listed = s.keyListing(null, false).value().stream().map(ListedKey::handle).toList();
            List<Long> withSessionKey = new ArrayList<>(expected);
            withSessionKey.add(sessionKey);
            assertThat(listed).containsExactlyElementsOf(withSessionKey);
            assertThat(s.listKeys().value().stream().map(KeySummary::handle).sorted(
                    Comparator.comparingLong(io.hsmconsole.hsm.key.Handles::counterOf)).toList()).isEqualTo(listed);
            List<Long> x = new ArrayList<>(labelledX);
            x.add(sessionKey);
            assertThat(s.keyListing("x", false).value().stream().map(ListedKey::handle).toList()).isEqualTo(x);
        }
    }

    private JsonNode list(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("key", "list"));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(out));
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            ExitStatus status = new CliShell(cluster, console, CU, new PrintWriter(new StringWriter())).run(args);
            assertThat(status).as(out.toString()).isEqualTo(ExitStatus.SUCCESS);
        }
        return JSON.readTree(out.toString()).get("data");
    }

    private static List<Long> handles(JsonNode page) {
        List<Long> h = new ArrayList<>();
        page.get("matched_keys").forEach(k -> h.add(Long.decode(k.get("key-reference").asText())));
        return h;
    }
}
