package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What one write transaction knows of its cluster while it holds the cluster's write lock (the
 * cluster row, {@link PostgresDatabase#write}): the row's counters, the nodes and the audit chain's
 * last hash, all read in the lock's own round trip. No other writer, on any machine, can change them
 * before this transaction commits, so they are answered from here instead of one query each; the
 * counters this transaction moves and the audit records it appends wait here and are written with
 * its next key insert, or just before its commit ({@link PostgresTransaction#flush}). A durable keygen
 * thus costs three round trips and the commit, where one query per question cost ten.
 *
 * <p>The lock and the reads are one batch of statements: in READ COMMITTED each takes its snapshot
 * when it starts, so the reads after the {@code UPDATE} see every write committed before the lock
 * was granted. (A subquery inside the {@code UPDATE} would not: it keeps the snapshot taken before
 * the statement waited for the lock.)
 */
final class LockedCluster {
    private static final String ROW = "name, hsm_type, key_capacity, created_at, handle_counter, round_robin,"
            + " token_key_count, audit_high_water, change_counter";
    private static final String LAST_HASH = "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1";
    static final String NODES = "SELECT id, online, latency_ms, firmware_version, firmware_measurement FROM nodes"
            + " ORDER BY id";

    private ClusterRecord record;
    private long handleCounter;
    private long roundRobin;
    private long tokenKeyCount;
    private long auditHighWater;
    /** The row's change counter as this transaction's lock left it (every write moves it by one). */
    private long changeCounter;
    /** Whether the counters here differ from the row's (written by the next flush). */
    private boolean moved;
    /** Null once this transaction changed a node: read again when asked. */
    private List<NodeRecord> nodes;
    private byte[] lastAuditHash;
    private List<AuditRecord> unwritten = new ArrayList<>();

    private LockedCluster() {
    }

    /**
     * Takes the cluster's write lock (the change counter's bump, whose {@code NOTIFY} on
     * {@code channel} reaches every machine at commit) and reads what the transaction will ask.
     */
    static LockedCluster lock(Connection c, String channel, Path location) throws SQLException {
        return read(c, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED;"
                + " UPDATE cluster SET change_counter = change_counter + 1 RETURNING " + notify(channel) + ", " + ROW + "; ",
                1, location);
    }

    /** The {@code RETURNING} item of a write's counter bump: the NOTIFY every machine hears at commit. */
    static String notify(String channel) {
        return "pg_notify('" + channel.replace("'", "''") + "', change_counter::text)";
    }

    /** The same reads without the lock: for the transaction that creates the cluster (after its row is in). */
    static LockedCluster unlocked(Connection c, Path location) throws SQLException {
        return read(c, "SELECT NULL, " + ROW + " FROM cluster; ", 0, location);
    }

    private static LockedCluster read(Connection c, String row, int resultsBefore, Path location) throws SQLException {
        LockedCluster held = new LockedCluster();
        try (Statement st = c.createStatement()) {
            boolean resultSet = st.execute(row + LAST_HASH + "; " + NODES);
            for (int i = 0; i < resultsBefore; i++) {
                resultSet = st.getMoreResults();
            }
            if (!resultSet) {
                throw new SQLException("the cluster row was not returned");
            }
            try (ResultSet rs = st.getResultSet()) {
                if (!rs.next()) {
                    throw new StoreException(location, "the cluster schema has no cluster record; it is damaged");
                }
                held.record = new ClusterRecord(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5));
                held.handleCounter = rs.getLong(6);
                held.roundRobin = rs.getLong(7);
                held.tokenKeyCount = rs.getLong(8);
                held.auditHighWater = rs.getLong(9);
                held.changeCounter = rs.getLong(10);
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                held.lastAuditHash = rs.next() ? rs.getBytes(1) : null;
            }
            st.getMoreResults();
            try (ResultSet rs = st.getResultSet()) {
                held.nodes = nodes(rs);
            }
        }
        return held;
    }

    static List<NodeRecord> nodes(ResultSet rs) throws SQLException {
        List<NodeRecord> nodes = new ArrayList<>();
        while (rs.next()) {
            nodes.add(new NodeRecord(rs.getInt(1), rs.getBoolean(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)));
        }
        return nodes;
    }

    /** A copy to go back to when a savepoint is rolled back (the server's row goes back with it). */
    LockedCluster copy() {
        LockedCluster c = new LockedCluster();
        c.restore(this);
        return c;
    }

    long changeCounter() {
        return changeCounter;
    }

    /** What the row holds once a write that moved the counter once more has committed. */
    void committedOnceMore() {
        changeCounter++;
    }

    long roundRobin() {
        return roundRobin;
    }

    long auditHighWater() {
        return auditHighWater;
    }

    /**
     * Whether this is all of the row's state as the transaction commits it: nothing waits to be
     * written and the nodes are known, so the next write of this process may be answered from it
     * ({@link OptimisticBatch}).
     */
    boolean complete() {
        return !hasUnwritten() && nodes != null;
    }

    /** Takes every value of {@code from} (a {@link #copy} of this one made earlier, or this one's original). */
    void restore(LockedCluster from) {
        record = from.record;
        handleCounter = from.handleCounter;
        roundRobin = from.roundRobin;
        tokenKeyCount = from.tokenKeyCount;
        auditHighWater = from.auditHighWater;
        changeCounter = from.changeCounter;
        moved = from.moved;
        nodes = from.nodes;
        lastAuditHash = from.lastAuditHash;
        unwritten = new ArrayList<>(from.unwritten);
    }

    ClusterRecord record() {
        return record;
    }

    /** The nodes, or null when this transaction changed them since they were read. */
    List<NodeRecord> nodes() {
        return nodes;
    }

    void nodes(List<NodeRecord> read) {
        nodes = List.copyOf(read);
    }

    void nodesChanged() {
        nodes = null;
    }

    long tokenKeyCount() {
        return tokenKeyCount;
    }

    long handleCounter() {
        return handleCounter;
    }

    /** Advances the handle counter by {@code count}; returns its value before. */
    long advanceHandles(int count) {
        moved = true;
        handleCounter += count;
        return handleCounter - count;
    }

    long nextRoundRobin() {
        moved = true;
        return roundRobin++;
    }

    void restoreCounters(long handles, long robin) {
        moved = true;
        handleCounter = handles;
        roundRobin = robin;
    }

    void keysAdded(int count) {
        moved = true;
        tokenKeyCount += count;
    }

    long nextAuditSeq() {
        return auditHighWater + 1;
    }

    byte[] lastAuditHash() {
        return lastAuditHash == null ? null : lastAuditHash.clone();
    }

    /** An audit record to write with the next flush: the chain and high-water mark move now. */
    void append(AuditRecord r) {
        unwritten.add(r);
        auditHighWater = Math.max(auditHighWater, r.seq());
        lastAuditHash = r.hash().clone();
        moved = true;
    }

    /** The audit records waiting to be written, oldest first. */
    List<AuditRecord> unwritten() {
        return List.copyOf(unwritten);
    }

    /** Whether a flush has anything to write. */
    boolean hasUnwritten() {
        return moved || !unwritten.isEmpty();
    }

    /**
     * The statement's tail that writes what waits here: {@code WITH}-list items for the audit records
     * (each a data-modifying CTE; empty when none) and the cluster row's update, with their
     * parameters appended to {@code parameters} in order. The caller runs it, then calls {@link #written}.
     */
    String auditItems(List<Object> parameters) {
        if (unwritten.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder("a AS (INSERT INTO audit_log (seq, time, node, user_id, user_name, command,"
                + " arguments, result_code, previous_hash, hash) VALUES ");
        for (int i = 0; i < unwritten.size(); i++) {
            AuditRecord r = unwritten.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            parameters.addAll(java.util.Arrays.asList(r.seq(), r.timeMillis(), r.nodeId(), r.userId(), r.userName(),
                    r.command(), r.arguments(), r.resultCode(), r.previousHash(), r.hash()));
        }
        return sql.append(")").toString();
    }

    String counterUpdate(List<Object> parameters) {
        parameters.addAll(List.of(handleCounter, roundRobin, tokenKeyCount, auditHighWater));
        return "UPDATE cluster SET handle_counter = ?, round_robin = ?, token_key_count = ?, audit_high_water = ?";
    }

    /** What waited here is in the server's rows now. */
    void written() {
        unwritten.clear();
        moved = false;
    }
}
