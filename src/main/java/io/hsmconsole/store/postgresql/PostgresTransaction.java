package io.hsmconsole.store.postgresql;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.UserRecord;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operations inside one write transaction of a {@link PostgresClusterStore}, which holds the
 * cluster's write lock (the cluster row) from its first statement to its commit. What the lock's
 * round trip read ({@link LockedCluster}: the counters, the nodes, the audit chain's last hash) is
 * answered without a query; counters and audit records are written with the next key insert or by
 * {@link #flush}, which every write calls before its commit.
 */
final class PostgresTransaction implements ClusterStore.Transaction {
    /** Handles below 6 are reserved on a CloudHSM partition (4 is an internal KEK), as on SQLite. */
    static final long FIRST_HANDLE_COUNTER = 6;

    private final PostgresDatabase db;
    private final PostgresReads reads;
    private final Connection c;
    private LockedCluster held;

    /** {@code held}: what the lock read; null while the cluster is being created (read once its row is in). */
    PostgresTransaction(PostgresDatabase db, PostgresReads reads, Connection c, LockedCluster held) {
        this.db = db;
        this.reads = reads;
        this.c = c;
        this.held = held;
    }

    private LockedCluster held() {
        if (held == null) {
            held = sql(() -> LockedCluster.unlocked(c, db.location()));
        }
        return held;
    }

    /** What to go back to when a savepoint is rolled back ({@link PostgresBatch}). */
    LockedCluster snapshot() {
        return held().copy();
    }

    /**
     * In place: the lock's object is what the write remembers once it commits ({@link PostgresDatabase#remember}),
     * so it must not keep what a rolled-back request moved (a handle, an audit chain's end).
     */
    void rolledBackTo(LockedCluster snapshot) {
        held().restore(snapshot);
    }

    /** Writes the counters and audit records still waiting; every write transaction calls it before its commit. */
    void flush() {
        if (held == null || !held.hasUnwritten()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        String audit = held.auditItems(parameters);
        String counters = held.counterUpdate(parameters);
        update((audit.isEmpty() ? "" : "WITH " + audit + " ") + counters, parameters.toArray());
        held.written();
    }

    /** The cluster row of a store being created, with the value that proves a master key is this cluster's. */
    void insertCluster(ClusterRecord cluster, byte[] sealingCheck) {
        update("INSERT INTO cluster (singleton, name, hsm_type, key_capacity, created_at, handle_counter, round_robin,"
                + " token_key_count, sealing_check) VALUES (1, ?, ?, ?, ?, ?, 0, 0, ?)", cluster.name(), cluster.hsmType(),
                cluster.keyCapacity(), cluster.createdAtMillis(), FIRST_HANDLE_COUNTER, sealingCheck);
    }

    @Override
    public ClusterRecord cluster() {
        return held().record();
    }

    @Override
    public List<NodeRecord> nodes() {
        List<NodeRecord> nodes = held().nodes();
        if (nodes == null) { // this transaction changed them
            nodes = sql(() -> reads.nodes(c));
            held().nodes(nodes);
        }
        return nodes;
    }

    @Override
    public long nextHandleCounter() {
        return advanceHandles(1);
    }

    @Override
    public long nextRoundRobin() {
        return held().nextRoundRobin();
    }

    /** Advances the handle counter by {@code count}; returns its value before. */
    long advanceHandles(int count) {
        return held().advanceHandles(count);
    }

    @Override
    public long tokenKeyCount() {
        return held().tokenKeyCount();
    }

    @Override
    public boolean keyIdExists(String id) {
        return sql(() -> reads.keyIdExists(c, id));
    }

    @Override
    public Optional<KeyRecord> key(long handle) {
        return sql(() -> reads.key(c, handle));
    }

    @Override
    public Optional<UserRecord> userById(int id) {
        return sql(() -> reads.userById(c, id));
    }

    @Override
    public Optional<UserRecord> userByName(String name) {
        return sql(() -> reads.userByName(c, name));
    }

    @Override
    public List<UserRecord> users() {
        return sql(() -> reads.users(c));
    }

    @Override
    public void insertKey(KeyRecord key, List<KeyCopy> copies) {
        insertKey(key, copies, null);
    }

    @Override
    public void restoreKey(KeyRecord key, List<KeyCopy> copies, long seq) {
        insertKey(key, copies, seq);
    }

    /**
     * {@code seq} null: the current handle counter, which has just moved past this key (creation
     * order). One statement, so one round trip under the cluster's lock: the key, its shares, its
     * copies, the audit records waiting and the cluster row's counters with the count (the foreign
     * keys are checked at the statement's end, when the key is in).
     */
    private void insertKey(KeyRecord key, List<KeyCopy> copies, Long seq) {
        LockedCluster cluster = held();
        cluster.keysAdded(1);
        List<Object> parameters = new ArrayList<>(java.util.Arrays.asList(key.handle(),
                seq != null ? seq : cluster.handleCounter(), key.ownerId(), key.keyClass().code(), key.keyType().code(),
                key.sizeBytes(), key.label(), PostgresKeyId.column(key.id()), key.flags(), key.kcv(), key.mValue(),
                key.manageMValue(), key.originNode(), key.createdAtMillis(), db.cipher().encrypt(key.handle(), key.material()),
                array("integer", key.sharedWith().toArray()),
                array("integer", copies.stream().map(KeyCopy::nodeId).toArray()),
                array("bigint", copies.stream().map(KeyCopy::availableAtMillis).toArray())));
        String audit = cluster.auditItems(parameters);
        String counters = cluster.counterUpdate(parameters);
        update("WITH k AS (INSERT INTO keys (handle, seq, owner, key_class, key_type, size_bytes, label, key_id, flags,"
                        + " kcv, m_value, manage_m_value, origin_node, created_at, material) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)"
                        + " RETURNING handle),"
                        + " s AS (INSERT INTO key_shares (handle, user_id) SELECT k.handle, u FROM k, unnest(?) AS u),"
                        + " c AS (INSERT INTO key_copies (handle, node, available_at) SELECT k.handle, n, a"
                        + " FROM k, unnest(?, ?) AS t(n, a))" + (audit.isEmpty() ? "" : ", " + audit) + " " + counters,
                parameters.toArray());
        cluster.written();
    }

    private java.sql.Array array(String type, Object[] values) {
        return sql(() -> c.createArrayOf(type, values));
    }

    private void insertShares(long handle, List<Integer> users) {
        for (int user : users) {
            update("INSERT INTO key_shares (handle, user_id) VALUES (?, ?)", handle, user);
        }
    }

    @Override
    public void updateKey(KeyRecord key) {
        if (update("UPDATE keys SET label = ?, flags = ?, m_value = ?, manage_m_value = ? WHERE handle = ?", key.label(),
                key.flags(), key.mValue(), key.manageMValue(), key.handle()) != 1) {
            throw new StoreException(db.location(), "key " + key.handle() + " vanished during an update");
        }
        update("DELETE FROM key_shares WHERE handle = ?", key.handle());
        insertShares(key.handle(), key.sharedWith());
    }

    @Override
    public void deleteKey(long handle) {
        if (update("DELETE FROM keys WHERE handle = ?", handle) == 1) {
            held().keysAdded(-1);
        }
    }

    @Override
    public List<KeyCopy> copies(long handle) {
        return sql(() -> reads.copies(c, handle));
    }

    @Override
    public void schedulePendingCopies(int nodeId, long availableAtMillis) {
        update("UPDATE key_copies SET available_at = ? WHERE node = ? AND available_at IS NULL", availableAtMillis, nodeId);
    }

    @Override
    public void upsertNode(NodeRecord node) {
        nodesChanged();
        update("INSERT INTO nodes (id, online, latency_ms, firmware_version, firmware_measurement) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET online = excluded.online, latency_ms = excluded.latency_ms,"
                + " firmware_version = excluded.firmware_version, firmware_measurement = excluded.firmware_measurement",
                node.id(), node.online(), node.latencyMillis(), node.firmwareVersion(), node.firmwareMeasurement());
    }

    @Override
    public void copyHeldKeys(int fromNode, int toNode, long nowMillis, long availableAtMillis) {
        update("INSERT INTO key_copies (handle, node, available_at) SELECT handle, ?, ? FROM key_copies"
                + " WHERE node = ? AND available_at IS NOT NULL AND available_at <= ? ON CONFLICT DO NOTHING",
                toNode, availableAtMillis, fromNode, nowMillis);
    }

    @Override
    public void deleteNode(int nodeId) {
        nodesChanged();
        update("DELETE FROM key_copies WHERE node = ?", nodeId);
        update("DELETE FROM node_attestations WHERE node = ?", nodeId);
        update("DELETE FROM nodes WHERE id = ?", nodeId);
    }

    @Override
    public void putAttestation(AttestationRecord r) {
        update("INSERT INTO node_attestations (node, time, passed, reason, measured, expected, chains)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (node) DO UPDATE SET time = excluded.time,"
                + " passed = excluded.passed, reason = excluded.reason, measured = excluded.measured,"
                + " expected = excluded.expected, chains = excluded.chains",
                r.nodeId(), r.timeMillis(), r.passed(), r.reason(), r.measuredHex(), r.expectedHex(), r.chains());
    }

    @Override
    public Optional<IdentityItem> identity(String name) {
        return sql(() -> reads.identity(c, name));
    }

    @Override
    public void putIdentity(IdentityItem item) {
        byte[] sealed = item.privateKey() == null ? null
                : db.cipher().encrypt(item.name().getBytes(StandardCharsets.UTF_8), item.privateKey());
        update("INSERT INTO identities (name, certificate, private_key) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE"
                + " SET certificate = excluded.certificate, private_key = excluded.private_key",
                item.name(), item.certificate(), sealed);
    }

    /** This transaction changes a node: the nodes read with the lock no longer answer. */
    private void nodesChanged() {
        if (held != null) {
            held.nodesChanged();
        }
    }

    @Override
    public byte[] lastAuditHash() {
        return held().lastAuditHash();
    }

    @Override
    public long nextAuditSeq() {
        return held().nextAuditSeq();
    }

    /** Written with the next key insert, or by {@link #flush} before the commit: no round trip of its own. */
    @Override
    public void appendAudit(AuditRecord r) {
        held().append(r);
    }

    @Override
    public void deleteIdentities(String namePrefix) {
        update("DELETE FROM identities WHERE left(name, ?) = ?", namePrefix.length(), namePrefix);
    }

    @Override
    public UserRecord insertUser(String name, UserType type, String passwordHash) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (name, type, password_hash, login_failures)"
                    + " VALUES (?, ?, ?, 0) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, type.name());
                ps.setString(3, passwordHash);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new UserRecord(rs.getInt(1), name, type, passwordHash, 0, null);
                }
            }
        });
    }

    @Override
    public void restoreUser(UserRecord u) {
        update("INSERT INTO users (id, name, type, password_hash, login_failures, quorum_public_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)", u.id(), u.name(), u.type().name(), u.passwordHash(), u.loginFailures(),
                u.quorumPublicKey());
        // A serial column does not follow explicit IDs: move it past them, so the next new user gets a free one.
        update("SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT MAX(id) FROM users))");
    }

    @Override
    public void restoreCounters(ClusterCounters counters) {
        held().restoreCounters(counters.handleCounter(), counters.roundRobin());
    }

    @Override
    public void updateUser(UserRecord u) {
        update("UPDATE users SET password_hash = ?, login_failures = ?, quorum_public_key = ? WHERE id = ?",
                u.passwordHash(), u.loginFailures(), u.quorumPublicKey(), u.id());
    }

    @Override
    public void deleteUser(int userId) {
        update("DELETE FROM key_shares WHERE user_id = ?", userId);
        update("DELETE FROM users WHERE id = ?", userId);
    }

    @Override
    public int countKeysOwnedBy(int userId) {
        return sql(() -> reads.countKeysOwnedBy(c, userId));
    }

    @Override
    public long countKeysOfClass(int keyClass) {
        return sql(() -> reads.countKeysOfClass(c, keyClass));
    }

    /** Runs one statement with its parameters in order (null as SQL NULL); returns the rows it changed. */
    private int update(String sql, Object... parameters) {
        return sql(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object p = parameters[i];
                    if (p == null) {
                        // Untyped: the server takes the column's type (a typed null would have to match it).
                        ps.setNull(i + 1, Types.NULL);
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                return ps.execute() ? 0 : ps.getUpdateCount();
            }
        });
    }

    @FunctionalInterface
    private interface SqlStep<T> {
        T run() throws SQLException;
    }

    private <T> T sql(SqlStep<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            throw db.failure("a write to the cluster store failed", e);
        }
    }
}
