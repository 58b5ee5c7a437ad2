package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresServer;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client daemon keeps each cluster's store open across the calls it serves ({@link KeptStores}),
 * and that changes nothing a call sees: another process's new key is listed by the next call, a
 * cluster made anew is opened anew, a master key opened up to others is refused as a fresh open
 * refuses it, and a PostgreSQL restart is one clear error, then the same daemon carries on.
 */
class KeptStoresTest {
    private static final List<String> FIND_ALL = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
            "-p", "example_pwd", "findKey");

    @TempDir
    Path temp;

    /** A backend that counts the opens and creates that reach it. */
    private static final class Counting implements StoreBackend {
        final StoreBackend real;
        final AtomicInteger opened = new AtomicInteger();
        final List<ClusterStore> stores = new ArrayList<>();

        Counting(StoreBackend real) {
            this.real = real;
        }

        @Override
        public boolean exists(Path clusterDir) {
            return real.exists(clusterDir);
        }

        @Override
        public io.hsmconsole.store.StoreCheck check(Path clusterDir) {
            return real.check(clusterDir);
        }

        @Override
        public ClusterStore open(Path clusterDir, SecureRandom random) {
            opened.incrementAndGet();
            ClusterStore s = real.open(clusterDir, random);
            stores.add(s);
            return s;
        }

        @Override
        public ClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes, ClusterStore.Work<?> seed,
                                   SecureRandom random) {
            opened.incrementAndGet();
            ClusterStore s = real.create(clusterDir, cluster, nodes, seed, random);
            stores.add(s);
            return s;
        }
    }

    @Test
    void servedCallsReuseTheOpenStoreAndSeeAnotherProcesssNewKey() throws Exception {
        Path data = temp.resolve("served");
        Counting backend = new Counting(new SqliteBackend());
        ShellLauncher kmu = new ShellLauncher(backend, "key_mgmt_util", KmuShell::completions, KmuShell::tool);
        ClientService service = ClientService.serving(new DataDirectory(data)).tool("kmu", kmu)
                .idleTimeout(Duration.ofMinutes(5)).start().orElseThrow();
        try {
            ServiceClient launcher = new ServiceClient(service.endpoint());
            Map<String, String> env = Map.of(DataDirectory.ENV_VARIABLE, data.toString());
            assertThat(launcher.tool("kmu", temp.toString(), env, FIND_ALL).outputText()).contains("Total number of keys present 0");
            assertThat(launcher.tool("kmu", temp.toString(), env, FIND_ALL).outputText()).contains("Total number of keys present 0");
            assertThat(backend.opened).as("the second call used the first call's store").hasValue(1);

            // Another process: its own catalog and connection on the same folder.
            long made;
            try (HsmCluster other = catalog(new SqliteBackend(), data).open("demo");
                 HsmSession alice = TestClusters.login(other, "example_user")) {
                made = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "from-elsewhere")).value().handle();
            }
            String listed = launcher.tool("kmu", temp.toString(), env, FIND_ALL).outputText();
            assertThat(listed).contains("Total number of keys present 1").contains(String.valueOf(made));
            assertThat(backend.opened).hasValue(1);

            // The cluster made anew under its name (deleted, then the demo cluster again): opened anew.
            TestFiles.deleteTree(new DataDirectory(data).clusterDir("demo"));
            catalog(new SqliteBackend(), data).openOrCreateDemo().close();
            assertThat(launcher.tool("kmu", temp.toString(), env, FIND_ALL).outputText()).contains("Total number of keys present 0");
            assertThat(backend.opened).hasValue(2);
        } finally {
            service.close();
        }
        assertThatThrownBy(() -> backend.stores.get(1).findKeys(io.hsmconsole.store.KeyFilter.all()))
                .as("the daemon closed its store when it stopped").isInstanceOf(StoreException.class);
    }

    @Test
    void aMasterKeyOthersMayReadIsRefusedAsAFreshOpenRefusesIt() throws Exception {
        Path data = temp.resolve("data");
        KeptStores kept = new KeptStores(new SqliteBackend());
        ClusterCatalog catalog = catalog(kept, data);
        catalog.openOrCreateDemo().close();
        catalog.open("demo").close();
        Path key = new DataDirectory(data).clusterDir("demo").resolve("master.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        String fresh = messageOf(() -> catalog(new SqliteBackend(), data).open("demo").close());
        assertThat(fresh).contains("master key");
        assertThat(messageOf(() -> catalog.open("demo").close())).isEqualTo(fresh);
        kept.close();
    }

    @Test
    void aLeasedStoreDroppedMeanwhileIsClosedWhenItsCallEnds() {
        Counting backend = new Counting(new SqliteBackend());
        KeptStores kept = new KeptStores(backend);
        ClusterCatalog catalog = catalog(kept, temp.resolve("data"));
        HsmCluster running = catalog.openOrCreateDemo();
        kept.close(); // the daemon stops while a call runs
        try (HsmSession s = TestClusters.login(running, "example_user")) {
            assertThat(s.findKeys(KeyQuery.all()).isSuccess()).as("the running call goes on").isTrue();
        }
        running.close();
        assertThatThrownBy(() -> backend.stores.get(0).findKeys(io.hsmconsole.store.KeyFilter.all()))
                .isInstanceOf(StoreException.class);
    }

    /** docs/team-mode.md's failure table: a server restart is one clear error, then the same daemon carries on. */
    @Test
    void aPostgresRestartIsOneClearErrorThenTheKeptDaemonCarriesOn() throws Exception {
        PostgresServer server = PostgresServer.startOwn();
        KeptStores kept = new KeptStores(new PostgresBackend(server.newDatabase()));
        ClusterCatalog catalog = catalog(kept, temp.resolve("data"));
        try (HsmCluster c = catalog.openOrCreateDemo(); HsmSession s = TestClusters.login(c, "example_user")) {
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "before"));
        }
        server.stopServer();
        assertThatThrownBy(() -> catalog.openOrCreateDemo().close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach").hasMessageContaining(server.address());
        server.startServer();
        try (HsmCluster c = catalog.openOrCreateDemo(); HsmSession s = TestClusters.login(c, "example_user")) {
            assertThat(s.findKeys(KeyQuery.byLabel("before")).value()).hasSize(1);
        }
        kept.close();
    }

    private static ClusterCatalog catalog(StoreBackend backend, Path data) {
        return new ClusterCatalog(backend, new DataDirectory(data), new ManualClock(TestClusters.START));
    }

    private static String messageOf(Runnable open) {
        try {
            open.run();
            throw new AssertionError("the open was not refused");
        } catch (StoreException e) {
            return e.getMessage();
        }
    }
}
