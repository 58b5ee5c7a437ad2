package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema versions 2 and 4 on PostgreSQL. Version 4 (the change log): a cluster made at version 3 opens at
 * 4 with its keys, its log starting at the counter it had, and a store kept open then follows another
 * machine's changes by patching its remembered listing. Version 2: a cluster made at version 1 (key IDs in a TEXT column, which refuses
 * 0x00) is taken to a BYTEA column at open; its text IDs keep their meaning and uniqueness, and a
 * binary CKA_ID can be stored after.
 */
class PostgresKeyIdMigrationTest {
    @TempDir
    Path temp;

    private final PostgresUrl url = PostgresServer.get().newDatabase();
    private final PostgresBackend backend = new PostgresBackend(url);

    private ClusterCatalog catalog() {
        return new ClusterCatalog(backend, new DataDirectory(temp), new ManualClock(TestClusters.START));
    }

    /** Puts the cluster's schema back as version 1 made it: key_id TEXT and its text index (and no versions 3 to 5). */
    private void backToVersionOne() throws SQLException {
        sql("SET search_path TO \"hsm_team\"", "ALTER TABLE keys DROP COLUMN manage_m_value", "DROP FUNCTION key_rows_changed() CASCADE", "DROP TABLE key_change_log",
                "ALTER TABLE cluster DROP COLUMN key_log_floor", "DROP INDEX keys_public",
                "ALTER TABLE cluster DROP COLUMN key_changes", "DROP INDEX keys_id_class",
                "ALTER TABLE keys ALTER COLUMN key_id TYPE TEXT USING convert_from(key_id, 'UTF8')",
                "CREATE UNIQUE INDEX keys_id_class ON keys(key_id, key_class) WHERE key_id <> ''",
                "UPDATE schema_version SET version = 1");
    }

    private String sql(String... statements) throws SQLException {
        return DirectSql.run(url, statements);
    }

    @Test
    void aVersionOneClusterIsUpgradedAtOpenAndThenHoldsBinaryIds() throws Exception {
        long old;
        try (HsmCluster cluster = catalog().createDemo("team", new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L), null));
             HsmSession alice = TestClusters.login(cluster, "alice")) {
            old = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "old").withId("café-1")).value().handle();
        }
        backToVersionOne();
        assertThat(sql("SELECT data_type FROM information_schema.columns WHERE table_schema = 'hsm_team'"
                + " AND table_name = 'keys' AND column_name = 'key_id'")).isEqualTo("text");

        String binary = "\u0000\u00ff\u0001";
        try (HsmCluster cluster = catalog().open("team"); HsmSession alice = TestClusters.login(cluster, "alice")) {
            assertThat(alice.findKeys(new KeyQuery(null, null, null, "café-1", null, List.of(), null)).value())
                    .containsExactly(old);
            assertThat(alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "dup").withId("café-1")).isSuccess())
                    .as("the old ID is still taken").isFalse();
            long made = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "new").withId(binary)).value().handle();
            assertThat(alice.findKeys(new KeyQuery(null, null, null, binary, null, List.of(), null)).value())
                    .containsExactly(made);
        }
        assertThat(sql("SELECT version::text FROM \"hsm_team\".schema_version")).isEqualTo(String.valueOf(PostgresSchema.currentVersion()));
        assertThat(sql("SELECT encode(key_id, 'hex') FROM \"hsm_team\".keys WHERE label = 'old'"))
                .as("the text ID's UTF-8 bytes").isEqualTo("636166c3a92d31");
    }

    @Test
    void aVersionThreeClusterIsUpgradedAndItsListingsThenFollowChangesFromTheLog() throws Exception {
        try (HsmCluster cluster = catalog().createDemo("team", new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L), null));
             HsmSession alice = TestClusters.login(cluster, "alice")) {
            alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "one"));
            alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "two"));
        }
        String triggersOfVersion3 = java.util.stream.Stream.of("keys", "key_shares", "key_copies")
                .map(t -> "CREATE TRIGGER " + t + "_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + t
                        + " FOR EACH STATEMENT EXECUTE FUNCTION key_changed();")
                .collect(java.util.stream.Collectors.joining(" "));
        sql("SET search_path TO \"hsm_team\"", "ALTER TABLE keys DROP COLUMN manage_m_value",
                "DROP FUNCTION key_rows_changed() CASCADE", "DROP TABLE key_change_log",
                "ALTER TABLE cluster DROP COLUMN key_log_floor",
                "CREATE FUNCTION key_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT"
                        + " AS $$ BEGIN UPDATE cluster SET key_changes = key_changes + 1; RETURN NULL; END $$",
                triggersOfVersion3, "UPDATE schema_version SET version = 3");
        String counted = sql("SELECT key_changes::text FROM \"hsm_team\".cluster");

        try (HsmCluster cluster = catalog().open("team"); HsmSession alice = TestClusters.login(cluster, "alice");
             io.hsmconsole.store.ClusterStore kept = backend.open(temp.resolve("clusters").resolve("team"),
                     new java.security.SecureRandom())) {
            assertThat(sql("SELECT version::text FROM \"hsm_team\".schema_version"))
                    .isEqualTo(String.valueOf(PostgresSchema.currentVersion()));
            assertThat(sql("SELECT key_log_floor::text FROM \"hsm_team\".cluster")).isEqualTo(counted);
            io.hsmconsole.store.KeyFilter hers = io.hsmconsole.store.KeyFilter.visibleTo(alice.user().id());
            assertThat(kept.listKeys(hers)).extracting(io.hsmconsole.store.KeyRecord::label).containsExactly("one", "two");
            long patches = io.hsmconsole.store.ListingCache.patches();

            alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "three"));
            alice.deleteKey(kept.findKeys(hers).get(0));

            assertThat(kept.listKeys(hers)).extracting(io.hsmconsole.store.KeyRecord::label).containsExactly("two", "three");
            assertThat(io.hsmconsole.store.ListingCache.patches()).isGreaterThan(patches);
        }
    }
}
