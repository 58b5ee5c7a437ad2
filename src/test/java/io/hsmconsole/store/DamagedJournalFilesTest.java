package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.reliability.StoreIntegrity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, damaged input beside the store file (DamagedStoreTest covers the store file itself):
 * garbage in the WAL or shared-memory file, as a crash or a careless copy can leave, must not cost a
 * committed key or the store file; a folder where the store file should be is reported by name.
 */
class DamagedJournalFilesTest {
    @TempDir
    Path dataDir;
    ClusterCatalog catalog;
    Path clusterDir;

    @BeforeEach
    void clusterWithKeys() {
        catalog = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START));
        try (HsmCluster cluster = catalog.createDemo("lab", ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0))) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            for (int i = 0; i < 30; i++) {
                assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k" + i)).isSuccess()).isTrue();
            }
            s.close();
        }
        clusterDir = dataDir.resolve("clusters").resolve("lab");
    }

    @Test
    void garbageWalAndShmFilesCostNoCommittedKey() throws IOException {
        Path db = clusterDir.resolve("cluster.db");
        Files.write(clusterDir.resolve("cluster.db-wal"), garbage(64 * 1024, 1));
        Files.write(clusterDir.resolve("cluster.db-shm"), garbage(32 * 1024, 2));

        try (HsmCluster cluster = catalog.open("lab")) {
            assertThat(cluster.info().tokenKeyCount()).isEqualTo(30);
            HsmSession s = TestClusters.login(cluster, "example_user");
            assertThat(s.listKeys().value()).hasSize(30);
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "after")).isSuccess()).isTrue();
            s.close();
        }
        assertThat(StoreIntegrity.problems(db)).isEmpty();
        try (HsmCluster cluster = catalog.open("lab")) {
            assertThat(cluster.info().tokenKeyCount()).as("the key made after the damage was kept").isEqualTo(31);
        }
    }

    @Test
    void aFolderWhereTheStoreFileShouldBeIsReportedByName() throws IOException {
        Path db = clusterDir.resolve("cluster.db");
        Files.move(db, clusterDir.resolve("moved.db"));
        Files.createDirectories(db);
        Map<String, String> before = FileSnapshot.of(clusterDir);
        assertThatThrownBy(() -> catalog.open("lab").close()).isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString());
        assertThat(FileSnapshot.of(clusterDir)).isEqualTo(before);
    }

    private static byte[] garbage(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
