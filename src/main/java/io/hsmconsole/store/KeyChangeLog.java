package io.hsmconsole.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The table {@code key_change_log}, the same on both backends (SQLite schema 9, PostgreSQL schema 4):
 * one row per key whose row, shares or copies a statement changed, under the value the cluster's
 * {@code key_changes} counter took in that change ({@code seq}; on SQLite the counter moves per row, on
 * PostgreSQL per statement), with {@code copies_only} 1 when only the key's copies changed. The triggers
 * that move the counter write it, in the same transaction, so a reader that saw counter value C finds
 * every change committed after C under a seq above C. (PostgreSQL schema 7: a key creation in one
 * statement, {@code store.postgresql.OptimisticBatch}, moves the counter and writes its rows itself, by
 * the same rules, and its transaction's insert triggers stand aside.)
 *
 * <p>The triggers keep the last {@link #KEPT} to 2 × {@link #KEPT} counter values: when the counter has
 * moved {@code 2 × KEPT} past {@code cluster.key_log_floor}, they delete the rows up to
 * {@code counter - KEPT} and move the floor there. The log answers for changes after the floor only; a
 * listing read before it is read whole ({@link ListingCache}).
 */
public final class KeyChangeLog {
    /** Counter values kept at least (about 250 key creations on SQLite, 340 on PostgreSQL). */
    public static final int KEPT = 1_024;

    /** The keys changed after a counter value ({@code ?} 1), at most {@code ?} 2 of them, sorted. */
    public static final String CHANGED_SINCE = "SELECT DISTINCT handle FROM key_change_log WHERE seq > ?"
            + " ORDER BY handle LIMIT ?";

    /** The same without the changes to copies alone (a listing of keys does not show copies). */
    public static final String KEYS_CHANGED_SINCE = "SELECT DISTINCT handle FROM key_change_log WHERE seq > ?"
            + " AND copies_only = 0 ORDER BY handle LIMIT ?";

    /** The counter and the floor, in one read. */
    public static final String COUNTER_AND_FLOOR = "SELECT key_changes, key_log_floor FROM cluster";

    private KeyChangeLog() {
    }

    /** The statement for {@link ListingCache.ChangeLog#changedSince}'s rows. */
    public static String changedSince(boolean withCopies) {
        return withCopies ? CHANGED_SINCE : KEYS_CHANGED_SINCE;
    }

    /** The counter and the floor, read by {@link #COUNTER_AND_FLOOR}. */
    public static ListingCache.KeyChanges read(PreparedStatement counterAndFloor) throws SQLException {
        try (ResultSet rs = counterAndFloor.executeQuery()) {
            return rs.next() ? new ListingCache.KeyChanges(rs.getLong(1), rs.getLong(2))
                    : new ListingCache.KeyChanges(0, 0);
        }
    }

    /**
     * {@link ListingCache.ChangeLog#changedSince} with {@link #changedSince}'s statement and
     * {@link #COUNTER_AND_FLOOR}'s. The floor is read after the rows: a trim moves it in the transaction
     * that deletes the rows, so a floor still at or below {@code since} proves the rows read were whole
     * even where the two reads are not one snapshot (SQLite outside a transaction).
     */
    public static long[] changedSince(PreparedStatement changed, PreparedStatement counterAndFloor, long since,
                                      int limit) throws SQLException {
        changed.setLong(1, since);
        changed.setInt(2, limit + 1);
        long[] handles = new long[16];
        int count = 0;
        try (ResultSet rs = changed.executeQuery()) {
            while (rs.next()) {
                if (count == handles.length) {
                    handles = Arrays.copyOf(handles, count * 2);
                }
                handles[count++] = rs.getLong(1);
            }
        }
        return read(counterAndFloor).logFloor() > since ? null : Arrays.copyOf(handles, count);
    }
}
