package io.hsmconsole.store.sqlite;

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
import io.hsmconsole.store.UserRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The operations available inside one IMMEDIATE transaction of a {@link SqliteClusterStore}. */
final class SqliteTransaction implements ClusterStore.Transaction {
    /** Handles below 6 are reserved on a CloudHSM partition (4 is an internal KEK). */
    static final long FIRST_HANDLE_COUNTER = 6;

    private final SqliteDatabase db;
    private final SqliteReads reads;
    private final SqliteKeyWrites keys;
    private final SqliteUserWrites users;
    private final InsertedKeys inserted = new InsertedKeys();

    SqliteTransaction(SqliteDatabase db, SqliteReads reads) {
        this.db = db;
        this.reads = reads;
        this.keys = new SqliteKeyWrites(db);
        this.users = new SqliteUserWrites(db);
    }

    /** The keys this transaction inserted, for the store to remember once it has committed. */
    InsertedKeys inserted() {
        return inserted;
    }

    /** The cluster row of a store being created. */
    void insertCluster(ClusterRecord cluster) {
        sql(() -> {
            PreparedStatement ps = db.prepared("INSERT INTO cluster (singleton, name, hsm_type, key_capacity, created_at,"
                    + " handle_counter, round_robin, token_key_count) VALUES (1, ?, ?, ?, ?, ?, 0, 0)");
            ps.setString(1, cluster.name());
            ps.setString(2, cluster.hsmType());
            ps.setInt(3, cluster.keyCapacity());
            ps.setLong(4, cluster.createdAtMillis());
            ps.setLong(5, FIRST_HANDLE_COUNTER);
            return ps.executeUpdate();
        });
    }

    @Override
    public ClusterRecord cluster() {
        return sql(reads::cluster);
    }

    @Override
    public List<NodeRecord> nodes() {
        return db.query(reads::nodes);
    }

    @Override
    public long nextHandleCounter() {
        return advanceCounter("handle_counter", 1);
    }

    @Override
    public long nextRoundRobin() {
        return advanceCounter("round_robin", 1);
    }

    /** Advances a counter of the cluster row by {@code count}; returns its value before. One statement. */
    long advanceCounter(String column, int count) {
        return sql(() -> {
            PreparedStatement ps = db.prepared("UPDATE cluster SET " + column + " = " + column + " + ?1 RETURNING "
                    + column + " - ?1");
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public long tokenKeyCount() {
        return sql(reads::tokenKeyCount);
    }

    @Override
    public boolean keyIdExists(String id) {
        return sql(() -> {
            PreparedStatement ps = db.prepared("SELECT 1 FROM keys WHERE key_id = ? LIMIT 1");
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public Optional<KeyRecord> key(long handle) {
        return sql(() -> reads.key(handle));
    }

    @Override
    public Optional<UserRecord> userById(int id) {
        return sql(() -> reads.userById(id));
    }

    @Override
    public Optional<UserRecord> userByName(String name) {
        return sql(() -> reads.userByName(name));
    }

    @Override
    public List<UserRecord> users() {
        return sql(reads::users);
    }

    @Override
    public void insertKey(KeyRecord key, List<KeyCopy> copies) {
        // The handle counter has just moved past this key, so it orders keys by creation.
        change(() -> inserted.add(key, copies, keys.insert(key, copies, null)));
    }

    @Override
    public void restoreKey(KeyRecord key, List<KeyCopy> copies, long seq) {
        change(() -> keys.insert(key, copies, seq));
    }

    @Override
    public void updateKey(KeyRecord key) {
        change(() -> keys.update(key));
    }

    @Override
    public void deleteKey(long handle) {
        change(() -> keys.delete(handle));
    }

    @Override
    public List<KeyCopy> copies(long handle) {
        return sql(() -> reads.copies(handle));
    }

    @Override
    public void schedulePendingCopies(int nodeId, long availableAtMillis) {
        change(() -> {
            PreparedStatement ps = db.prepared("UPDATE key_copies SET available_at = ? WHERE node = ? AND available_at IS NULL");
            ps.setLong(1, availableAtMillis);
            ps.setInt(2, nodeId);
            ps.executeUpdate();
        });
    }

    @Override
    public void upsertNode(NodeRecord node) {
        change(() -> {
            PreparedStatement ps = db.prepared("INSERT INTO nodes (id, online, latency_ms, firmware_version,"
                    + " firmware_measurement) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                    + " online = excluded.online, latency_ms = excluded.latency_ms,"
                    + " firmware_version = excluded.firmware_version, firmware_measurement = excluded.firmware_measurement");
            ps.setInt(1, node.id());
            ps.setInt(2, node.online() ? 1 : 0);
            ps.setLong(3, node.latencyMillis());
            ps.setString(4, node.firmwareVersion());
            ps.setBytes(5, node.firmwareMeasurement());
            ps.executeUpdate();
        });
    }

    @Override
    public void copyHeldKeys(int fromNode, int toNode, long nowMillis, long availableAtMillis) {
        change(() -> {
            PreparedStatement ps = db.prepared("INSERT OR IGNORE INTO key_copies (handle, node, available_at)"
                    + " SELECT handle, ?, ? FROM key_copies WHERE node = ? AND available_at IS NOT NULL AND available_at <= ?");
            ps.setInt(1, toNode);
            ps.setLong(2, availableAtMillis);
            ps.setInt(3, fromNode);
            ps.setLong(4, nowMillis);
            ps.executeUpdate();
        });
    }

    @Override
    public void deleteNode(int nodeId) {
        change(() -> {
            PreparedStatement copies = db.prepared("DELETE FROM key_copies WHERE node = ?");
            copies.setInt(1, nodeId);
            copies.executeUpdate();
            PreparedStatement attestation = db.prepared("DELETE FROM node_attestations WHERE node = ?");
            attestation.setInt(1, nodeId);
            attestation.executeUpdate();
            PreparedStatement ps = db.prepared("DELETE FROM nodes WHERE id = ?");
            ps.setInt(1, nodeId);
            ps.executeUpdate();
        });
    }

    @Override
    public Optional<IdentityItem> identity(String name) {
        return db.query(() -> reads.identity(name));
    }

    @Override
    public void putIdentity(IdentityItem item) {
        change(() -> {
            PreparedStatement ps = db.prepared("INSERT INTO identities (name, certificate, private_key) VALUES (?, ?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET certificate = excluded.certificate, private_key = excluded.private_key");
            ps.setString(1, item.name());
            ps.setBytes(2, item.certificate());
            ps.setBytes(3, item.privateKey() == null ? null
                    : db.cipher().encrypt(item.name().getBytes(java.nio.charset.StandardCharsets.UTF_8), item.privateKey()));
            ps.executeUpdate();
        });
    }

    @Override
    public byte[] lastAuditHash() {
        return sql(() -> {
            try (ResultSet rs = db.prepared("SELECT hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)").executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        });
    }

    @Override
    public long nextAuditSeq() {
        return sql(() -> reads.auditHighWater() + 1);
    }

    @Override
    public void appendAudit(AuditRecord r) {
        change(() -> {
            PreparedStatement ps = db.prepared("INSERT INTO audit_log (seq, time, node, user_id, user_name, command,"
                    + " arguments, result_code, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setLong(1, r.seq());
            ps.setLong(2, r.timeMillis());
            ps.setInt(3, r.nodeId());
            ps.setInt(4, r.userId());
            ps.setString(5, r.userName());
            ps.setString(6, r.command());
            ps.setString(7, r.arguments());
            ps.setLong(8, r.resultCode());
            ps.setBytes(9, r.previousHash());
            ps.setBytes(10, r.hash());
            ps.executeUpdate();
            // The cluster row is written by the same commits anyway (counters): no extra page.
            PreparedStatement highWater = db.prepared("UPDATE cluster SET audit_high_water = MAX(audit_high_water, ?)");
            highWater.setLong(1, r.seq());
            highWater.executeUpdate();
        });
    }

    @Override
    public void deleteIdentities(String namePrefix) {
        change(() -> {
            PreparedStatement ps = db.prepared("DELETE FROM identities WHERE substr(name, 1, ?) = ?");
            ps.setInt(1, namePrefix.length());
            ps.setString(2, namePrefix);
            ps.executeUpdate();
        });
    }

    @Override
    public UserRecord insertUser(String name, UserType type, String passwordHash) {
        return sql(() -> users.insert(name, type, passwordHash));
    }

    @Override
    public void restoreUser(UserRecord u) {
        change(() -> users.restore(u));
    }

    @Override
    public void restoreCounters(ClusterCounters counters) {
        change(() -> {
            PreparedStatement ps = db.prepared("UPDATE cluster SET handle_counter = ?, round_robin = ?");
            ps.setLong(1, counters.handleCounter());
            ps.setLong(2, counters.roundRobin());
            ps.executeUpdate();
        });
    }

    @Override
    public void updateUser(UserRecord user) {
        change(() -> users.update(user));
    }

    @Override
    public void deleteUser(int userId) {
        change(() -> users.delete(userId));
    }

    @Override
    public void putAttestation(AttestationRecord record) {
        change(() -> {
            PreparedStatement ps = db.prepared("INSERT OR REPLACE INTO node_attestations (node, time, passed, reason,"
                    + " measured, expected, chains) VALUES (?, ?, ?, ?, ?, ?, ?)");
            ps.setInt(1, record.nodeId());
            ps.setLong(2, record.timeMillis());
            ps.setInt(3, record.passed() ? 1 : 0);
            ps.setString(4, record.reason());
            ps.setString(5, record.measuredHex());
            ps.setString(6, record.expectedHex());
            ps.setString(7, record.chains());
            ps.executeUpdate();
        });
    }

    @Override
    public int countKeysOwnedBy(int userId) {
        return sql(() -> {
            PreparedStatement ps = db.prepared("SELECT COUNT(*) FROM keys WHERE owner = ?");
            ps.setInt(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public long countKeysOfClass(int keyClass) {
        return sql(() -> {
            PreparedStatement ps = db.prepared("SELECT COUNT(*) FROM keys WHERE key_class = ?");
            ps.setInt(1, keyClass);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void change(SqlChange change) {
        sql(() -> {
            change.run();
            return null;
        });
    }

    @FunctionalInterface
    private interface SqlChange {
        void run() throws SQLException;
    }

    private <T> T sql(SqliteDatabase.SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw db.failure("a write to the cluster store failed", e);
        }
    }
}
