package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Product spec §2.8: a damaged, foreign or newer store gives a StoreException that names the file
 * and says what is wrong, and nothing in the cluster's folder changes (compared by SHA-256).
 */
class DamagedStoreTest {
    private static final String NAME = "lab";

    /** A healthy cluster with keys, made once; each test damages its own copy. */
    @TempDir
    static Path template;
    @TempDir
    Path dataDir;
    ClusterCatalog catalog;
    Path clusterDir;
    Path db;
    Path masterKey;

    @BeforeAll
    static void createClusterWithKeys() {
        ClusterCatalog templateCatalog = TestClusters.catalog(template, new ManualClock(TestClusters.START));
        try (HsmCluster cluster = templateCatalog.createDemo(NAME, ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0))) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            for (int i = 0; i < 40; i++) {
                assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k" + i)).isSuccess()).isTrue();
            }
        }
    }

    @BeforeEach
    void copyTemplate() throws IOException {
        catalog = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START));
        clusterDir = dataDir.resolve("clusters").resolve(NAME);
        Files.createDirectories(clusterDir);
        for (String file : new String[]{"cluster.db", "master.key"}) {
            Files.copy(template.resolve("clusters").resolve(NAME).resolve(file), clusterDir.resolve(file));
        }
        db = clusterDir.resolve("cluster.db");
        masterKey = clusterDir.resolve("master.key");
        try (HsmCluster healthy = catalog.open(NAME)) {
            assertThat(healthy.info().tokenKeyCount()).as("the copy opens before it is damaged").isEqualTo(40);
        }
    }

    @Test
    void garbageFileNamedClusterDbIsNotOurs() throws IOException {
        Files.write(db, randomBytes(64 * 1024));
        assertRefusedAndUnchanged(db, "not an SQLite database");
    }

    @Test
    void truncatedStoreIsReportedAsTruncated() throws IOException {
        long size = Files.size(db);
        assertThat(size).as("the store must span several pages for this test").isGreaterThan(3 * 4096);
        truncate(db, size / 2);
        assertRefusedAndUnchanged(db, "truncated");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 50})
    void storeShorterThanAnSqliteHeaderIsNotOurs(int bytes) throws IOException {
        truncate(db, bytes);
        assertRefusedAndUnchanged(db, "too short");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 0x12345678})
    void sqliteDatabaseOfAnotherProgramIsNotOurs(int applicationId) throws Exception {
        Files.delete(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = " + applicationId);
            st.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            st.execute("INSERT INTO notes (body) VALUES ('someone else''s data')");
        }
        assertRefusedAndUnchanged(db, "another program");
    }

    @Test
    void storeWithANewerSchemaIsReportedAndNotMigrated() throws Exception {
        int newer;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            newer = st.executeQuery("PRAGMA user_version").getInt(1) + 1;
            st.execute("PRAGMA user_version = " + newer);
        }
        assertRefusedAndUnchanged(db, "newer");
        assertThatThrownBy(() -> catalog.open(NAME)).hasMessageContaining("schema " + newer);
    }

    /**
     * A user type or key class this version does not know (a damaged row, or a newer writer) is reported
     * as the store's damage, naming the file and the value, not turned into an enum by guesswork or a
     * crash deeper down.
     */
    @Test
    void aStoredTypeThisVersionDoesNotKnowIsReportedAsDamage() throws Exception {
        long handle;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE users SET type = 'ROOT' WHERE name = 'alice'");
            handle = st.executeQuery("SELECT MIN(handle) FROM keys").getLong(1);
            st.executeUpdate("UPDATE keys SET key_class = 9 WHERE handle = " + handle);
        }
        try (HsmCluster cluster = catalog.open(NAME)) {
            assertThatThrownBy(cluster::users).isInstanceOf(StoreException.class)
                    .hasMessageContaining(db.toString()).hasMessageContaining("unknown user type 'ROOT'");
            HsmSession s = TestClusters.login(cluster, "example_user");
            assertThatThrownBy(() -> s.attributes(handle)).isInstanceOf(StoreException.class)
                    .hasMessageContaining(db.toString()).hasMessageContaining("key " + handle + " has the unknown class 9");
        }
    }

    /** The same for a key type (OBJ_ATTR_KEY_TYPE) no command makes: damage, named, never a guessed type. */
    @Test
    void aStoredKeyTypeThisVersionDoesNotKnowIsReportedAsDamage() throws Exception {
        long handle;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            handle = st.executeQuery("SELECT MIN(handle) FROM keys").getLong(1);
            st.executeUpdate("UPDATE keys SET key_type = 99 WHERE handle = " + handle);
        }
        try (HsmCluster cluster = catalog.open(NAME)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            assertThatThrownBy(() -> s.attributes(handle)).isInstanceOf(StoreException.class)
                    .hasMessageContaining(db.toString()).hasMessageContaining("key " + handle + " has the unknown key type 99");
        }
    }

    @Test
    void missingMasterKeyIsReported() throws IOException {
        Files.delete(masterKey);
        assertRefusedAndUnchanged(masterKey, "master key");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void masterKeyOfTheWrongLengthIsReported(int bytes) throws IOException {
        Files.write(masterKey, new byte[bytes]);
        assertRefusedAndUnchanged(masterKey, "expected 32 bytes, found " + bytes);
    }

    /**
     * A master.key of the right length from another cluster: refused at open, naming the key file,
     * before anything is written (no connection left open, no -wal/-shm left behind).
     */
    @Test
    void masterKeyOfAnotherClusterIsRefusedAtOpen() throws IOException {
        Files.write(masterKey, randomBytes(32));
        assertRefusedAndUnchanged(masterKey, "does not belong to the cluster store");
    }

    @Test
    void aDamagedDemoClusterIsNeverReplacedByAFreshOne() throws IOException {
        ClusterCatalog demoCatalog = TestClusters.catalog(dataDir, new ManualClock(TestClusters.START));
        demoCatalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
        Path demoDb = dataDir.resolve("clusters").resolve(ClusterCatalog.DEMO_CLUSTER).resolve("cluster.db");
        Files.write(demoDb, "not a database at all".repeat(20).getBytes());
        Map<String, String> before = FileSnapshot.of(dataDir);
        assertThatThrownBy(demoCatalog::openOrCreateDemo).isInstanceOf(StoreException.class)
                .hasMessageContaining(demoDb.toString());
        assertThatThrownBy(() -> demoCatalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()))
                .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
        assertThat(FileSnapshot.of(dataDir)).isEqualTo(before);
    }

    /** Opening fails with a StoreException about {@code file}; a second try fails the same way. */
    private void assertRefusedAndUnchanged(Path file, String whatIsWrong) {
        Map<String, String> before = FileSnapshot.of(clusterDir);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> catalog.open(NAME).close())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(whatIsWrong)
                    .satisfies(e -> assertThat(((StoreException) e).file()).isEqualTo(file));
            assertThat(FileSnapshot.of(clusterDir)).as("files after attempt %d", attempt + 1).isEqualTo(before);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static void truncate(Path file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
    }
}
