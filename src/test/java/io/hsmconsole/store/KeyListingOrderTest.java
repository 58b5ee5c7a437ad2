package io.hsmconsole.store;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.KeySummary;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key a user can use (findKey without criteria, the key list) is read as the user's own keys
 * plus the keys shared with the user, merged in creation order; and migration 5 (the
 * {@code keys_owner_seq} index in place of {@code keys_owner}) keeps a schema-4 store's keys and order.
 */
class KeyListingOrderTest {
    @TempDir
    Path dataDir;
    ManualClock clock = new ManualClock(TestClusters.START);
    List<Long> createdInOrder = new ArrayList<>();
    Path db;

    @BeforeEach
    void ownAndSharedKeysInterleaved() {
        try (HsmCluster cluster = TestClusters.demo(dataDir, clock)) {
            HsmSession exampleUser = TestClusters.login(cluster, "example_user");
            HsmSession alice = TestClusters.login(cluster, "alice");
            HsmSession bob = TestClusters.login(cluster, "bob");
            createdInOrder.add(key(exampleUser, "own-1"));
            createdInOrder.add(key(exampleUser, "own-2"));
            long sharedByAlice = key(alice, "alice-shared");
            assertThat(alice.shareKey(sharedByAlice, 3, true).isSuccess()).isTrue();
            createdInOrder.add(sharedByAlice);
            key(bob, "bob-private");
            createdInOrder.add(key(exampleUser, "own-3"));
            long sharedByBob = key(bob, "bob-shared");
            assertThat(bob.shareKey(sharedByBob, 3, true).isSuccess()).isTrue();
            createdInOrder.add(sharedByBob);
            key(alice, "alice-private");
            createdInOrder.add(key(exampleUser, "own-4"));
            exampleUser.close();
            alice.close();
            bob.close();
        }
        db = dataDir.resolve("clusters").resolve("demo").resolve("cluster.db");
    }

    @Test
    void findKeyWithoutCriteriaAndTheKeyListGiveOwnAndSharedKeysInCreationOrder() {
        assertThat(visibleToExampleUser()).isEqualTo(List.of(createdInOrder, createdInOrder));
    }

    @Test
    void aSchema5StoreGetsTheOwnerOrderIndexAndListsTheSame() throws SQLException {
        OldSchemas.sql(db, OldSchemas.UNDO_10);
        OldSchemas.sql(db, OldSchemas.UNDO_9);
        OldSchemas.sql(db, OldSchemas.UNDO_8);
        OldSchemas.sql(db, OldSchemas.UNDO_7);
        sql("DROP INDEX keys_owner_seq", "CREATE INDEX keys_owner ON keys(owner)", "PRAGMA user_version = 5");

        assertThat(visibleToExampleUser()).isEqualTo(List.of(createdInOrder, createdInOrder));
        assertThat(indexes()).contains("keys_owner_seq").doesNotContain("keys_owner");
    }

    /** [findKey's handles, the key list's handles] as example_user, from a fresh open of the store. */
    private List<List<Long>> visibleToExampleUser() {
        ClusterCatalog catalog = TestClusters.catalog(dataDir, clock);
        try (HsmCluster cluster = catalog.open("demo")) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            List<Long> found = s.findKeys(KeyQuery.all()).value();
            List<Long> listed = s.listKeys().value().stream().map(KeySummary::handle).toList();
            s.close();
            return List.of(found, listed);
        }
    }

    private static long key(HsmSession session, String label) {
        return session.generateSymmetricKey(GenSymKeyRequest.of(31, 32, label)).value().handle();
    }

    private List<String> indexes() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'keys'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
