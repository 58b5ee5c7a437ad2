package io.hsmconsole.store;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 9 on SQLite (the change log): a store of schema 8 opens at 9 with its keys, its log starting
 * at the counter it had (a listing read before cannot be patched from it), and from then on a store
 * kept open follows another connection's changes by patching its remembered listing.
 */
class KeyChangeLogMigrationTest {
    @TempDir
    Path dataDir;
    final ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void aSchema8StoreIsMigratedAndItsListingsThenFollowChangesFromTheLog() throws SQLException {
        Path db = OldSchemas.demoStoreWithKeys(dataDir, clock, "one", "two");
        OldSchemas.sql(db, OldSchemas.UNDO_10);
        OldSchemas.sql(db, OldSchemas.UNDO_9);
        OldSchemas.sql(db, "PRAGMA user_version = 8");
        long countedBefore = number(db, "SELECT key_changes FROM cluster");

        try (HsmCluster cluster = TestClusters.catalog(dataDir, clock).open("demo");
             ClusterStore kept = new SqliteBackend().open(db.getParent(), new SecureRandom())) {
            assertThat(OldSchemas.userVersion(db)).isEqualTo(10);
            assertThat(number(db, "SELECT key_log_floor FROM cluster")).isEqualTo(countedBefore);
            HsmSession s = TestClusters.login(cluster, "example_user");
            KeyFilter mine = KeyFilter.visibleTo(s.user().id());
            assertThat(kept.listKeys(mine)).extracting(KeyRecord::label).containsExactly("one", "two");
            long patches = ListingCache.patches();

            long three = s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "three")).value().handle();
            s.deleteKey(kept.findKeys(mine).get(0));

            assertThat(kept.listKeys(mine)).extracting(KeyRecord::label).containsExactly("two", "three");
            assertThat(kept.findKeys(mine)).endsWith(three);
            assertThat(ListingCache.patches()).isGreaterThanOrEqualTo(patches + 2);
            assertThat(number(db, "SELECT COUNT(*) FROM key_change_log")).isPositive();
            s.close();
        }
    }

    private static long number(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }
}
