package io.hsmconsole.hsm;

import io.hsmconsole.hsm.exchange.ClusterDocumentException;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.KeySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterExchangeTest {
    @TempDir
    Path dir;
    ManualClock clock = new ManualClock(TestClusters.START);

    private Path exported(String keyHexHolder[]) {
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            long wrap = s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
            s.generateSymmetricKey(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02").withShareWith(List.of(4, 5)));
            s.generateSymmetricKey(GenSymKeyRequest.of(16, 256, "generic-mV2").withMValue(2).withShareWith(List.of(6)));
            keyHexHolder[0] = HexFormat.of().formatHex(s.transfers().exportKey(wrap, wrap).value());
            s.close();
            Path file = dir.resolve("demo.json");
            ClusterExchange.export(cluster, "correct horse".toCharArray(), file);
            return file;
        }
    }

    @Test
    void aClusterSurvivesTheRoundTrip() throws Exception {
        String[] keyHex = new String[1];
        Path file = exported(keyHex);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"format\" : \"hsm-key-console-cluster\"").contains("3DES_shared")
                .doesNotContain(keyHex[0]).doesNotContain("pbkdf2-sha256");

        ClusterCatalog catalog = TestClusters.catalog(dir, clock);
        try (HsmCluster original = catalog.open("demo");
             HsmCluster copy = catalog.importCluster(file, "correct horse".toCharArray(), "copy")) {
            HsmSession a = TestClusters.login(original, "example_user");
            HsmSession b = TestClusters.login(copy, "example_user");
            assertThat(b.listKeys().value()).extracting(KeySummary::handle, KeySummary::label, KeySummary::kcv,
                    KeySummary::sharedWith, KeySummary::mValue)
                    .containsExactlyElementsOf(a.listKeys().value().stream().map(k -> org.assertj.core.groups.Tuple.tuple(
                            k.handle(), k.label(), k.kcv(), k.sharedWith(), k.mValue())).toList());
            assertThat(b.findKeys(KeyQuery.all()).value()).isEqualTo(a.findKeys(KeyQuery.all()).value());
            long wrap = b.findKeys(KeyQuery.byLabel("wrapper")).value().get(0);
            assertThat(HexFormat.of().formatHex(b.transfers().exportKey(wrap, wrap).value())).isEqualTo(keyHex[0]);
            assertThat(TestClusters.login(copy, "alice").keyInfo(b.findKeys(KeyQuery.byLabel("3DES_shared")).value().get(0))
                    .code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(copy.attestNode(1).value().passed()).isTrue();
            assertThat(copy.auditLog().verify().intact()).isTrue();
            assertThat(original.auditLog().records(0, 10_000)).extracting(r -> r.command())
                    .as("the export is in the source cluster's log").contains("exportCluster");
            assertThat(copy.auditLog().records(0, 10_000)).extracting(r -> r.command())
                    .as("the exported log ends before its own export").doesNotContain("exportCluster");
            assertThat(copy.info().name()).isEqualTo("copy");
            long next = b.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "after")).value().handle();
            assertThat(a.keyInfo(next).code()).as("the copy continues the counter, not the clusters' keys").isEqualTo(ReturnCode.INVALID_HANDLE);
            assertThat(b.attributes(next).value().get(Attribute.LABEL).orElseThrow().text()).isEqualTo("after");
        }
    }

    /**
     * A key's two quorum values survive the round trip; a document written before they were kept apart
     * (version 2, one m_value) imports with both equal to its m_value.
     */
    @Test
    void bothQuorumValuesSurviveAndAnOlderDocumentKeepsOneForBoth() throws Exception {
        Path file = dir.resolve("quorum.json");
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            s.generateSdk5Key(GenSymKeyRequest.of(31, 32, "use-2").withShareWith(List.of(6)).withQuorum(2, 0), java.util.Map.of());
            s.generateSdk5Key(GenSymKeyRequest.of(31, 32, "manage-2").withShareWith(List.of(6)).withQuorum(0, 2), java.util.Map.of());
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "kmu-2").withShareWith(List.of(6)).withMValue(2));
            s.close();
            ClusterExchange.export(cluster, "correct horse".toCharArray(), file);
        }
        Path older = dir.resolve("older.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        doc.put("version", 2);
        doc.withArray("keys").forEach(k -> ((com.fasterxml.jackson.databind.node.ObjectNode) k).remove("manageMValue"));
        json.writeValue(older.toFile(), doc);

        ClusterCatalog catalog = TestClusters.catalog(dir, clock);
        try (HsmCluster copy = catalog.importCluster(file, "correct horse".toCharArray(), "copy");
             HsmCluster old = catalog.importCluster(older, "correct horse".toCharArray(), "old")) {
            assertThat(quorumValues(copy)).containsExactly(List.of(2, 0), List.of(0, 2), List.of(2, 2));
            assertThat(quorumValues(old)).containsExactly(List.of(2, 2), List.of(0, 0), List.of(2, 2));
        }
    }

    /** [use, manage] of use-2, manage-2 and kmu-2. */
    private static List<List<Integer>> quorumValues(HsmCluster cluster) {
        HsmSession s = TestClusters.login(cluster, "example_user");
        return List.of("use-2", "manage-2", "kmu-2").stream().map(label -> {
            io.hsmconsole.hsm.key.KeyInfo info = s.keyInfo(s.findKeys(KeyQuery.byLabel(label)).value().get(0)).value();
            return List.of(info.mValue(), info.manageMValue());
        }).toList();
    }

    /** CKA_IDs are bytes: a secret key's and a key pair's shared binary ID come back byte for byte. */
    @Test
    void binaryKeyIdsSurviveTheRoundTripAndAPairMayShareOne() throws Exception {
        String secretId = "\u0000\u00ff\n \u0001";
        String pairId = "\u00ff\u0000";
        Path file = dir.resolve("binary.json");
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "bin-secret").withId(secretId)).value();
            KeyOptions pair = new KeyOptions("bin-pair", pairId, false, false, List.of(), 0, null, null, false);
            assertThat(s.pairs().generateKeyPair(KeyPairRequest.ec(2, pair), SyncObserver.NONE).code())
                    .isEqualTo(ReturnCode.SUCCESS);
            s.close();
            ClusterExchange.export(cluster, "correct horse".toCharArray(), file);
        }
        try (HsmCluster copy = TestClusters.catalog(dir, clock).importCluster(file, "correct horse".toCharArray(), "copy")) {
            HsmSession b = TestClusters.login(copy, "example_user");
            assertThat(b.findKeys(new KeyQuery(null, null, null, secretId, null, List.of(), null)).value()).hasSize(1);
            List<Long> halves = b.findKeys(new KeyQuery(null, null, null, pairId, null, List.of(), null)).value();
            assertThat(halves).hasSize(2);
            assertThat(halves).allSatisfy(h -> assertThat(b.attributes(h).value().get(Attribute.ID).orElseThrow().text())
                    .isEqualTo(pairId));
        }
    }

    @Test
    void aWrongPassphraseOrDamageCreatesNothing() throws Exception {
        Path file = exported(new String[1]);
        ClusterCatalog catalog = TestClusters.catalog(dir, clock);
        assertThatThrownBy(() -> catalog.importCluster(file, "wrong passphrase".toCharArray(), "x"))
                .isInstanceOf(ClusterDocumentException.class).hasMessageContaining("wrong passphrase")
                .hasMessageContaining(file.toString());
        String json = Files.readString(file);
        int at = json.indexOf("\"material\" : \"") + 20;
        Path damaged = dir.resolve("damaged.json");
        Files.writeString(damaged, json.substring(0, at) + (json.charAt(at) == 'A' ? 'B' : 'A') + json.substring(at + 1));
        assertThatThrownBy(() -> catalog.importCluster(damaged, "correct horse".toCharArray(), "y"))
                .isInstanceOf(ClusterDocumentException.class).hasMessageContaining("damaged");
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> catalog.importCluster(truncated, "correct horse".toCharArray(), "z"))
                .isInstanceOf(ClusterDocumentException.class).hasMessageContaining("not a readable cluster export");
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, json.replace("\"version\" : " + io.hsmconsole.hsm.exchange.ClusterDocument.VERSION, "\"version\" : 99"));
        assertThatThrownBy(() -> catalog.importCluster(newer, "correct horse".toCharArray(), "w"))
                .hasMessageContaining("newer");
        Path foreign = dir.resolve("foreign.json");
        Files.writeString(foreign, "{\"format\":\"something-else\",\"version\":1}");
        assertThatThrownBy(() -> catalog.importCluster(foreign, "correct horse".toCharArray(), "v"))
                .hasMessageContaining("not an HSM Key Console cluster export");
        assertThat(catalog.clusterNames()).containsExactly("demo");
        assertThatThrownBy(() -> catalog.importCluster(file, "correct horse".toCharArray(), "demo"))
                .hasMessageContaining("already exists");
    }
}
