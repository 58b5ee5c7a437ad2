package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.audit.AuditChain;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration 5 (fewer pages per key creation): a schema-4 store, whose audit log is an AUTOINCREMENT
 * table, is rebuilt keeping every audit row and seq and its high water (so a cut from the end is
 * still detected), its key copies lose the index by node for one of pending copies only; a
 * migration that cannot run leaves the files byte for byte as they were.
 */
class AuditSequenceMigrationTest {
    private static final int SCHEMA_4 = 4;

    @TempDir
    Path dataDir;
    ManualClock clock = new ManualClock(TestClusters.START);
    ClusterCatalog catalog;
    Path clusterDir;
    Path db;

    @BeforeEach
    void createASchema4Store() throws SQLException {
        catalog = TestClusters.catalog(dataDir, clock);
        db = OldSchemas.demoStoreWithKeys(dataDir, clock, "kept-0", "kept-1", "kept-2");
        clusterDir = db.getParent();
        // What HSM Key Console wrote at schema 4: audit_log with AUTOINCREMENT (its high water in
        // sqlite_sequence), no audit_high_water column, key_copies indexed by (node, available_at).
        OldSchemas.sql(db, OldSchemas.UNDO_10);
        OldSchemas.sql(db, OldSchemas.UNDO_9);
        OldSchemas.sql(db, OldSchemas.UNDO_8);
        OldSchemas.sql(db, OldSchemas.UNDO_7);
        OldSchemas.sql(db, OldSchemas.UNDO_6);
        OldSchemas.sql(db, OldSchemas.UNDO_5);
        sql("PRAGMA user_version = " + SCHEMA_4);
    }

    @Test
    void aSchema4StoreKeepsEveryAuditRecordAndItsHighWater() throws SQLException {
        List<String> before = auditRows();
        long last = before.size();
        // Cut the newest record before migrating: the high water must survive the rebuild.
        sql("DELETE FROM audit_log WHERE seq = " + last);

        try (HsmCluster cluster = catalog.open("demo")) {
            assertThat(userVersion()).isEqualTo(10);
            assertThat(auditRows()).containsExactlyElementsOf(before.subList(0, before.size() - 1));
            AuditChain.Verification v = cluster.auditLog().verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.reason()).isEqualTo("records " + last + " to " + last + " were removed from the end of the log");
            assertThat(cluster.info().tokenKeyCount()).isEqualTo(3);
        }
        assertThat(schemaSql()).doesNotContain("AUTOINCREMENT").doesNotContain("key_copies_node")
                .contains("key_copies_pending");
    }

    @Test
    void anIntactLogStaysIntactAndGrowsAfterTheMigration() {
        try (HsmCluster cluster = catalog.open("demo")) {
            HsmSession s = TestClusters.login(cluster, "alice");
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "after"));
            s.close();
            AuditChain.Verification v = cluster.auditLog().verify();
            assertThat(v.intact()).as(v.reason()).isTrue();
            assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.keysHeld()).isEqualTo(4));
        }
    }

    @Test
    void aMigrationThatCannotRunLeavesTheFilesAsTheyWere() throws SQLException {
        // Something in the way of the rebuilt table: the migration fails half-way and must roll back.
        sql("CREATE TABLE audit_log_v5 (unrelated TEXT)");
        Map<String, String> before = FileSnapshot.of(clusterDir);

        assertThatThrownBy(() -> catalog.open("demo").close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("from schema 4");

        assertThat(FileSnapshot.of(clusterDir)).isEqualTo(before);
        assertThat(userVersion()).isEqualTo(SCHEMA_4);
    }

    private List<String> auditRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, command, arguments, hex(hash) FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return rows;
    }

    private String schemaSql() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")) {
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
        }
        return all.toString();
    }

    private void sql(String... statements) throws SQLException {
        OldSchemas.sql(db, statements);
    }

    private int userVersion() throws SQLException {
        return OldSchemas.userVersion(db);
    }
}
