package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the PostgreSQL server holds of a cluster's secrets: neither the master key nor any key's
 * material in the clear (a database administrator reading every row sees neither), and a machine
 * with a missing or wrong master key is told so at open, before anything is read or written.
 */
class PostgresSealingTest {
    @TempDir
    Path temp;

    private final PostgresUrl url = PostgresServer.get().newDatabase();
    private final PostgresBackend backend = new PostgresBackend(url);

    private HsmCluster createDemo(Path machine) {
        return new ClusterCatalog(backend, new DataDirectory(machine), new ManualClock(TestClusters.START))
                .createDemo("team", new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L), null));
    }

    @Test
    void theServerHoldsNeitherTheMasterKeyNorAnyMaterialInTheClear() throws Exception {
        Path clusterDir = new DataDirectory(temp.resolve("a")).clusterDir("team");
        long handle;
        try (HsmCluster cluster = createDemo(temp.resolve("a")); HsmSession alice = TestClusters.login(cluster, "alice")) {
            handle = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "secret")).value().handle();
        }
        byte[] material;
        try (ClusterStore store = backend.open(clusterDir, new SecureRandom())) {
            material = store.key(handle).orElseThrow().material();
        }
        String masterKeyHex = HexFormat.of().formatHex(Files.readAllBytes(clusterDir.resolve("master.key")));
        String materialHex = HexFormat.of().formatHex(material);
        List<String> rows = everyRowAsText("hsm_team");
        assertThat(rows).as("rows read").hasSizeGreaterThan(10);
        assertThat(rows).noneMatch(r -> r.contains(masterKeyHex)).noneMatch(r -> r.contains(materialHex));
    }

    @Test
    void aMachineWithoutTheMasterKeyIsToldWhereToPutIt() {
        createDemo(temp.resolve("a")).close();
        Path onB = new DataDirectory(temp.resolve("b")).clusterDir("team");
        assertThat(backend.exists(onB)).as("the cluster is on the server").isTrue();
        assertThatThrownBy(() -> backend.open(onB, new SecureRandom())).isInstanceOf(StoreException.class)
                .hasMessageContaining("no master key for the cluster 'team'")
                .hasMessageContaining(onB.resolve("master.key").toString());
    }

    @Test
    void aWrongMasterKeyIsRefusedAtOpen() throws Exception {
        createDemo(temp.resolve("a")).close();
        Path onB = new DataDirectory(temp.resolve("b")).clusterDir("team");
        byte[] wrong = new byte[32];
        new SecureRandom().nextBytes(wrong);
        OwnerOnly.createDirectories(onB);
        OwnerOnly.writeWhole(onB.resolve("master.key"), wrong);
        assertThatThrownBy(() -> backend.open(onB, new SecureRandom())).isInstanceOf(StoreException.class)
                .hasMessageContaining("this master.key is not the key of the cluster 'team'");
    }

    @Test
    void aSecondClusterOfTheSameNameIsRefusedAndTheFirstKeepsItsKey() throws Exception {
        createDemo(temp.resolve("a")).close();
        assertThatThrownBy(() -> createDemo(temp.resolve("b"))).isInstanceOf(StoreException.class);
        assertThat(temp.resolve("b").resolve("clusters").resolve("team").resolve("master.key"))
                .as("the failed create took its new key away again").doesNotExist();
        try (ClusterStore store = backend.open(new DataDirectory(temp.resolve("a")).clusterDir("team"), new SecureRandom())) {
            assertThat(store.users()).isNotEmpty();
        }
    }

    /** Every row of every table of the schema, as PostgreSQL prints it (bytea as hex), as a DBA would see it. */
    private List<String> everyRowAsText(String schema) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        p.setProperty("password", url.password());
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), p); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM \"" + schema + "\"." + table + " t")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
