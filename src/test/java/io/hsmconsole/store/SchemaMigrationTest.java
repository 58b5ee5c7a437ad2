package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration 4 (each node's last attestation): a store written before it (schema 3) opens, is
 * migrated in place with everything kept, and records attestations from then on; a migration that
 * cannot run is reported naming the file and leaves the store as it was.
 */
class SchemaMigrationTest {
    private static final int BEFORE_ATTESTATIONS = 3;

    @TempDir
    Path dataDir;
    ManualClock clock = new ManualClock(TestClusters.START);
    ClusterCatalog catalog;
    Path clusterDir;
    Path db;

    @BeforeEach
    void createASchema3Store() throws SQLException {
        catalog = TestClusters.catalog(dataDir, clock);
        db = OldSchemas.demoStoreWithKeys(dataDir, clock, "kept");
        clusterDir = db.getParent();
        // What HSM Key Console wrote before migration 4: schema 4 without node_attestations.
        OldSchemas.sql(db, OldSchemas.UNDO_10);
        OldSchemas.sql(db, OldSchemas.UNDO_9);
        OldSchemas.sql(db, OldSchemas.UNDO_8);
        OldSchemas.sql(db, OldSchemas.UNDO_7);
        OldSchemas.sql(db, OldSchemas.UNDO_6);
        OldSchemas.sql(db, OldSchemas.UNDO_5);
        sql("DROP TABLE node_attestations", "PRAGMA user_version = " + BEFORE_ATTESTATIONS);
    }

    @Test
    void aSchema3StoreIsMigratedKeepingItsKeysAndThenRecordsAttestations() throws SQLException {
        try (HsmCluster cluster = catalog.open("demo")) {
            assertThat(userVersion()).isEqualTo(10);
            assertThat(cluster.info().tokenKeyCount()).isEqualTo(1);
            assertThat(cluster.lastAttestations()).isEmpty();

            cluster.attestNode(1);

            assertThat(cluster.lastAttestation(1)).isPresent();
        }
        try (HsmCluster reopened = catalog.open("demo")) {
            assertThat(reopened.lastAttestation(1).orElseThrow().passed()).isTrue();
        }
    }

    @Test
    void aMigrationThatCannotRunIsReportedAndLeavesTheStoreAsItWas() throws SQLException {
        // Something in the way of the new table: the migration fails half-way and must roll back.
        sql("CREATE TABLE node_attestations (unrelated TEXT)", "PRAGMA user_version = " + BEFORE_ATTESTATIONS);
        Map<String, String> before = FileSnapshot.of(clusterDir);

        assertThatThrownBy(() -> catalog.open("demo").close())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("from schema 3");

        assertThat(FileSnapshot.of(clusterDir)).isEqualTo(before);
        assertThat(userVersion()).isEqualTo(BEFORE_ATTESTATIONS);
    }

    private void sql(String... statements) throws SQLException {
        OldSchemas.sql(db, statements);
    }

    private int userVersion() throws SQLException {
        return OldSchemas.userVersion(db);
    }
}
