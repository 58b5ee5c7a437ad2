package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13, case 10: a corrupt page inside the store, its header intact. Before the fix commands
 * went on reading what they could and writing. Now the first statement that meets the damage says
 * the store is damaged, naming the file; from then on nothing is written to it, in this process or
 * a later one (which checks the store again at open, and writes again once it is sound).
 */
class CorruptPageTest {
    private static final String NAME = "lab";

    @TempDir
    Path dataDir;

    @Test
    void aStoreFoundDamagedIsNeverWrittenAgain() throws Exception {
        ClusterCatalog catalog = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START));
        try (HsmCluster cluster = catalog.createDemo(NAME, ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0))) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            for (int i = 0; i < 300; i++) {
                assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k" + i)).isSuccess()).isTrue();
            }
        }
        Path clusterDir = dataDir.resolve("clusters").resolve(NAME);
        Path db = clusterDir.resolve("cluster.db");
        Path sound = Files.copy(db, dataDir.resolve("backup.db"));
        corruptAPageOfTheKeysTable(db);

        HsmCluster cluster = catalog.open(NAME);
        try {
            HsmSession s = TestClusters.login(cluster, "example_user");
            assertThatThrownBy(s::listKeys).as("the first read that meets the damage").isInstanceOf(StoreException.class)
                    .hasMessageContaining("damaged").hasMessageContaining(db.toString());
            Map<String, String> before = FileSnapshot.of(clusterDir);
            assertThatThrownBy(() -> s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "after-damage")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("damaged")
                    .hasMessageContaining("nothing was written").hasMessageContaining(db.toString());
            assertThat(FileSnapshot.of(clusterDir)).as("files after the refused write").isEqualTo(before);
        } finally {
            // Its audit records cannot be written either, and closing says so.
            assertThatThrownBy(cluster::close).isInstanceOf(StoreException.class).hasMessageContaining("damaged");
        }
        Map<String, String> closed = FileSnapshot.of(clusterDir);
        // Another process: its own catalog (one catalog remembers the logins it checked, ClusterCatalog).
        try (HsmCluster later = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START)).open(NAME)) {
            assertThatThrownBy(() -> later.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "example_user",
                    "example_pwd".toCharArray())).as("a later process, even a login's attempt count")
                    .isInstanceOf(StoreException.class).hasMessageContaining("damaged").hasMessageContaining(db.toString());
        }
        assertThat(FileSnapshot.of(clusterDir)).as("files after the later process").isEqualTo(closed);

        Files.copy(sound, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (HsmCluster restored = catalog.open(NAME)) {
            HsmSession s = TestClusters.login(restored, "example_user");
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "restored")).isSuccess())
                    .as("restored from the backup, the store is written again").isTrue();
        }
        assertThat(clusterDir.resolve("cluster.db.damaged")).doesNotExist();
    }

    /** Overwrites one leaf page of the keys table (not the first: the header stays intact) with noise. */
    private static void corruptAPageOfTheKeysTable(Path db) throws Exception {
        long page;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'keys'")) {
            rs.next();
            page = rs.getLong(1);
        }
        assertThat(page).isGreaterThan(1);
        byte[] noise = new byte[4096];
        new Random(13).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((page - 1) * 4096);
            f.write(noise);
        }
    }
}
