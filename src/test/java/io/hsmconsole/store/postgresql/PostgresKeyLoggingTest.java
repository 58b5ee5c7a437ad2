package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyChangeLog;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema 7: a key creation in one statement ({@code OptimisticBatch}) moves {@code key_changes} once and
 * logs each of its keys once itself, and the insert triggers stay out of that statement only; every other
 * write is logged by the triggers as before. A listing kept open on the other machine follows both.
 */
class PostgresKeyLoggingTest {
    @TempDir
    Path temp;
    Path clusterDir;
    PostgresUrl url;
    PostgresClusterStore ours;
    PostgresClusterStore other;

    @BeforeEach
    void createStores() {
        clusterDir = temp.resolve("logged"); // the cluster folder's name is the cluster's: schema hsm_logged
        url = PostgresServer.get().newDatabase();
        PostgresBackend backend = new PostgresBackend(url);
        ours = TestStores.create(backend, clusterDir, "logged", 100_000, 2, "cu", "cu2");
        other = (PostgresClusterStore) backend.open(clusterDir, new SecureRandom());
    }

    @AfterEach
    void closeStores() {
        ours.close();
        other.close();
    }

    @Test
    void aKeyMadeInOneStatementMovesTheCounterOnceAndIsLoggedOnceWithItsShare() throws Exception {
        ours.writeShared(tx -> makeKey(tx, List.of())); // the first learns the row under the lock
        assertThat(other.findKeys(KeyFilter.all())).hasSize(1); // a listing the other machine keeps
        long before = counter();
        long committed = ours.optimisticOutcomes().committed();

        long made = ours.writeShared(tx -> makeKey(tx, List.of(2)));

        assertThat(ours.optimisticOutcomes().committed()).as("it went in one statement").isEqualTo(committed + 1);
        assertThat(counter()).as("key_changes moved once, not once per table").isEqualTo(before + 1);
        assertThat(sql("SELECT string_agg(seq || ':' || handle || ':' || copies_only, ',') FROM key_change_log WHERE seq > "
                + before)).as("one row for the key, its copies and share included").isEqualTo((before + 1) + ":" + made + ":0");
        assertThat(other.key(made).orElseThrow().sharedWith()).containsExactly(2);
        assertThat(other.findKeys(KeyFilter.all())).as("the kept listing follows").hasSize(2).contains(made);
    }

    @Test
    void aKeyInsertedUnderTheLockOnTheSameConnectionAfterwardsIsStillLoggedByTheTriggers() throws Exception {
        ours.writeShared(tx -> makeKey(tx, List.of()));
        ours.writeShared(tx -> makeKey(tx, List.of())); // in one statement: it set the setting for its transaction
        long before = counter();

        long locked = ours.write(tx -> makeKey(tx, List.of())); // an ordinary transaction: the triggers log it

        assertThat(counter()).as("the keys' and the copies' triggers each moved the counter").isEqualTo(before + 2);
        assertThat(sql("SELECT count(DISTINCT handle) FROM key_change_log WHERE seq > " + before + " AND handle = " + locked))
                .isEqualTo("1");
    }

    @Test
    void theStatementTrimsTheLogWhenItsTurnComes() throws Exception {
        ours.writeShared(tx -> makeKey(tx, List.of()));
        long floor = Long.parseLong(sql("SELECT key_log_floor FROM cluster"));
        // The counter at the trim's edge, with an old row the trim must take; the change counter is untouched,
        // so our next key still goes in one statement.
        sql("UPDATE cluster SET key_changes = " + (floor + 2 * KeyChangeLog.KEPT),
                "INSERT INTO key_change_log VALUES (" + (floor + 1) + ", 999999, 0)");
        long committed = ours.optimisticOutcomes().committed();

        long made = ours.writeShared(tx -> makeKey(tx, List.of()));

        assertThat(ours.optimisticOutcomes().committed()).isEqualTo(committed + 1);
        long counter = counter();
        assertThat(counter).isEqualTo(floor + 2 * KeyChangeLog.KEPT + 1);
        assertThat(sql("SELECT key_log_floor FROM cluster")).isEqualTo(String.valueOf(counter - KeyChangeLog.KEPT));
        assertThat(sql("SELECT count(*) FROM key_change_log WHERE seq <= " + (counter - KeyChangeLog.KEPT))).isEqualTo("0");
        assertThat(sql("SELECT handle FROM key_change_log WHERE seq = " + counter)).isEqualTo(String.valueOf(made));
    }

    @Test
    void aSchema6ClusterGetsTheGuardedInsertTriggersWhenOpened() throws Exception {
        other.close();
        ours.close();
        // Schema 6's insert triggers: no WHEN.
        StringBuilder old = new StringBuilder();
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            old.append("DROP TRIGGER ").append(table).append("_inserted ON ").append(table).append("; CREATE TRIGGER ")
                    .append(table).append("_inserted AFTER INSERT ON ").append(table)
                    .append(" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_rows_changed(); ");
        }
        sql(old.toString(), "UPDATE schema_version SET version = 6");
        assertThat(guardedTriggers()).isEqualTo("0");

        PostgresBackend backend = new PostgresBackend(url);
        ours = (PostgresClusterStore) backend.open(clusterDir, new SecureRandom());
        other = (PostgresClusterStore) backend.open(clusterDir, new SecureRandom());

        assertThat(sql("SELECT version FROM schema_version")).isEqualTo(String.valueOf(PostgresSchema.currentVersion()));
        assertThat(guardedTriggers()).isEqualTo("3");
        ours.writeShared(tx -> makeKey(tx, List.of()));
        long before = counter();
        ours.writeShared(tx -> makeKey(tx, List.of()));
        assertThat(counter()).isEqualTo(before + 1);
    }

    private String guardedTriggers() throws Exception {
        return sql("SELECT count(*) FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n"
                + " ON n.oid = r.relnamespace WHERE n.nspname = 'hsm_logged' AND t.tgname LIKE '%_inserted'"
                + " AND t.tgqual IS NOT NULL");
    }

    private long counter() throws Exception {
        return Long.parseLong(sql("SELECT key_changes FROM cluster"));
    }

    private String sql(String... statements) throws Exception {
        String[] all = new String[statements.length + 1];
        all[0] = "SET search_path TO \"hsm_logged\"";
        System.arraycopy(statements, 0, all, 1, statements.length);
        return DirectSql.run(url, all);
    }

    /** A key of user 1 with a copy on both nodes, shared with {@code sharedWith}. */
    private static long makeKey(ClusterStore.Transaction tx, List<Integer> sharedWith) {
        return ChainedKeys.make(tx, h -> List.of(new KeyCopy(h, 1, 0L), new KeyCopy(h, 2, 0L)), sharedWith);
    }
}
