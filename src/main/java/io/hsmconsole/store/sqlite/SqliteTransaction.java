package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.UserRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** The operations available inside one IMMEDIATE transaction of a {@link SqliteClusterStore}. */
final class SqliteTransaction implements ClusterStore.Transaction {
    private final SqliteClusterStore store;

    SqliteTransaction(SqliteClusterStore store) {
        this.store = store;
    }

    @Override
    public ClusterRecord cluster() {
        return sql(store::selectCluster);
    }

    @Override
    public List<NodeRecord> nodes() {
        return store.nodes();
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
            PreparedStatement ps = store.prepared("UPDATE cluster SET " + column + " = " + column + " + ?1 RETURNING "
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
        return sql(store::selectTokenKeyCount);
    }

    @Override
    public boolean keyIdExists(String id) {
        return sql(() -> {
            PreparedStatement ps = store.prepared("SELECT 1 FROM keys WHERE key_id = ? LIMIT 1");
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public Optional<KeyRecord> key(long handle) {
        return sql(() -> store.selectKey(handle));
    }

    @Override
    public Optional<UserRecord> userById(int id) {
        return sql(() -> store.selectUserById(id));
    }

    @Override
    public Optional<UserRecord> userByName(String name) {
        return sql(() -> store.selectUserByName(name));
    }

    @Override
    public List<UserRecord> users() {
        return sql(store::selectUsers);
    }

    @Override
    public void insertKey(KeyRecord key, List<KeyCopy> copies) {
        // The handle counter has just moved past this key, so it orders keys by creation.
        add(key, copies, null);
    }

    @Override
    public void restoreKey(KeyRecord key, List<KeyCopy> copies, long seq) {
        add(key, copies, seq);
    }

    /** {@code seq} null: the current handle counter. */
    private void add(KeyRecord key, List<KeyCopy> copies, Long seq) {
        sql(() -> {
            PreparedStatement ps = store.prepared("INSERT INTO keys (handle, seq, owner, key_class, key_type,"
                    + " size_bytes, label, key_id, flags, kcv, m_value, origin_node, created_at, material)"
                    + " VALUES (?, COALESCE(?, (SELECT handle_counter FROM cluster)), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setLong(1, key.handle());
            if (seq == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setLong(2, seq);
            }
            ps.setInt(3, key.ownerId());
            ps.setInt(4, key.keyClass());
            ps.setInt(5, key.keyType());
            ps.setInt(6, key.sizeBytes());
            ps.setString(7, key.label());
            ps.setString(8, key.id());
            ps.setLong(9, key.flags());
            ps.setBytes(10, key.kcv());
            ps.setInt(11, key.mValue());
            ps.setInt(12, key.originNode());
            ps.setLong(13, key.createdAtMillis());
            ps.setBytes(14, store.cipher().encrypt(key.handle(), key.material()));
            ps.executeUpdate();
            insertShares(key.handle(), key.sharedWith());
            insertCopies(copies);
            store.prepared("UPDATE cluster SET token_key_count = token_key_count + 1").executeUpdate();
            return null;
        });
    }

    /** All of a key's copies in one multi-row INSERT (one statement per key, cached per row count). */
    private void insertCopies(List<KeyCopy> copies) throws SQLException {
        if (copies.isEmpty()) {
            return;
        }
        PreparedStatement c = store.prepared("INSERT INTO key_copies (handle, node, available_at) VALUES "
                + String.join(", ", java.util.Collections.nCopies(copies.size(), "(?, ?, ?)")));
        int p = 1;
        for (KeyCopy copy : copies) {
            c.setLong(p++, copy.handle());
            c.setInt(p++, copy.nodeId());
            if (copy.availableAtMillis() == null) {
                c.setNull(p++, Types.INTEGER);
            } else {
                c.setLong(p++, copy.availableAtMillis());
            }
        }
        c.executeUpdate();
    }

    private void insertShares(long handle, List<Integer> users) throws SQLException {
        for (int user : users) {
            PreparedStatement s = store.prepared("INSERT INTO key_shares (handle, user_id) VALUES (?, ?)");
            s.setLong(1, handle);
            s.setInt(2, user);
            s.executeUpdate();
        }
    }

    @Override
    public void updateKey(KeyRecord key) {
        sql(() -> {
            PreparedStatement ps = store.prepared("UPDATE keys SET label = ?, flags = ?, m_value = ? WHERE handle = ?");
            ps.setString(1, key.label());
            ps.setLong(2, key.flags());
            ps.setInt(3, key.mValue());
            ps.setLong(4, key.handle());
            if (ps.executeUpdate() != 1) {
                throw new StoreException(store.path(), "key " + key.handle() + " vanished during an update");
            }
            PreparedStatement del = store.prepared("DELETE FROM key_shares WHERE handle = ?");
            del.setLong(1, key.handle());
            del.executeUpdate();
            insertShares(key.handle(), key.sharedWith());
            return null;
        });
    }

    @Override
    public void deleteKey(long handle) {
        sql(() -> {
            PreparedStatement ps = store.prepared("DELETE FROM keys WHERE handle = ?");
            ps.setLong(1, handle);
            if (ps.executeUpdate() == 1) {
                store.prepared("UPDATE cluster SET token_key_count = token_key_count - 1").executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<KeyCopy> copies(long handle) {
        return sql(() -> store.selectCopies(handle));
    }

    @Override
    public void schedulePendingCopies(int nodeId, long availableAtMillis) {
        sql(() -> {
            PreparedStatement ps = store.prepared("UPDATE key_copies SET available_at = ? WHERE node = ? AND available_at IS NULL");
            ps.setLong(1, availableAtMillis);
            ps.setInt(2, nodeId);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void upsertNode(NodeRecord node) {
        sql(() -> {
            PreparedStatement ps = store.prepared("INSERT INTO nodes (id, online, latency_ms, firmware_version,"
                    + " firmware_measurement) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                    + " online = excluded.online, latency_ms = excluded.latency_ms,"
                    + " firmware_version = excluded.firmware_version, firmware_measurement = excluded.firmware_measurement");
            ps.setInt(1, node.id());
            ps.setInt(2, node.online() ? 1 : 0);
            ps.setLong(3, node.latencyMillis());
            ps.setString(4, node.firmwareVersion());
            ps.setBytes(5, node.firmwareMeasurement());
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void copyHeldKeys(int fromNode, int toNode, long nowMillis, long availableAtMillis) {
        sql(() -> {
            PreparedStatement ps = store.prepared("INSERT OR IGNORE INTO key_copies (handle, node, available_at)"
                    + " SELECT handle, ?, ? FROM key_copies WHERE node = ? AND available_at IS NOT NULL AND available_at <= ?");
            ps.setInt(1, toNode);
            ps.setLong(2, availableAtMillis);
            ps.setInt(3, fromNode);
            ps.setLong(4, nowMillis);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void deleteNode(int nodeId) {
        sql(() -> {
            PreparedStatement copies = store.prepared("DELETE FROM key_copies WHERE node = ?");
            copies.setInt(1, nodeId);
            copies.executeUpdate();
            PreparedStatement attestation = store.prepared("DELETE FROM node_attestations WHERE node = ?");
            attestation.setInt(1, nodeId);
            attestation.executeUpdate();
            PreparedStatement ps = store.prepared("DELETE FROM nodes WHERE id = ?");
            ps.setInt(1, nodeId);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<IdentityItem> identity(String name) {
        return store.identity(name);
    }

    @Override
    public void putIdentity(IdentityItem item) {
        sql(() -> {
            PreparedStatement ps = store.prepared("INSERT INTO identities (name, certificate, private_key) VALUES (?, ?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET certificate = excluded.certificate, private_key = excluded.private_key");
            ps.setString(1, item.name());
            ps.setBytes(2, item.certificate());
            ps.setBytes(3, item.privateKey() == null ? null
                    : store.cipher().encrypt(item.name().getBytes(java.nio.charset.StandardCharsets.UTF_8), item.privateKey()));
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public byte[] lastAuditHash() {
        return sql(() -> {
            try (ResultSet rs = store.prepared("SELECT hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)").executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        });
    }

    @Override
    public long nextAuditSeq() {
        return sql(() -> store.selectAuditHighWater() + 1);
    }

    @Override
    public void appendAudit(AuditRecord r) {
        sql(() -> {
            PreparedStatement ps = store.prepared("INSERT INTO audit_log (seq, time, node, user_id, user_name, command,"
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
            PreparedStatement highWater = store.prepared("UPDATE cluster SET audit_high_water = MAX(audit_high_water, ?)");
            highWater.setLong(1, r.seq());
            highWater.executeUpdate();
            return null;
        });
    }

    @Override
    public void deleteIdentities(String namePrefix) {
        sql(() -> {
            PreparedStatement ps = store.prepared("DELETE FROM identities WHERE substr(name, 1, ?) = ?");
            ps.setInt(1, namePrefix.length());
            ps.setString(2, namePrefix);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public UserRecord insertUser(String name, String type, String passwordHash) {
        return sql(() -> {
            PreparedStatement ps = store.prepared("INSERT INTO users (name, type, password_hash, login_failures)"
                    + " VALUES (?, ?, ?, 0) RETURNING id");
            ps.setString(1, name);
            ps.setString(2, type);
            ps.setString(3, passwordHash);
            int id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
            return new UserRecord(id, name, type, passwordHash, 0, null);
        });
    }

    @Override
    public void restoreUser(UserRecord u) {
        sql(() -> {
            PreparedStatement ps = store.prepared("INSERT INTO users (id, name, type, password_hash, login_failures,"
                    + " quorum_public_key) VALUES (?, ?, ?, ?, ?, ?)");
            ps.setInt(1, u.id());
            ps.setString(2, u.name());
            ps.setString(3, u.type());
            ps.setString(4, u.passwordHash());
            ps.setInt(5, u.loginFailures());
            ps.setBytes(6, u.quorumPublicKey());
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void restoreCounters(long handleCounter, long roundRobin) {
        sql(() -> {
            PreparedStatement ps = store.prepared("UPDATE cluster SET handle_counter = ?, round_robin = ?");
            ps.setLong(1, handleCounter);
            ps.setLong(2, roundRobin);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void updateUser(UserRecord user) {
        sql(() -> {
            PreparedStatement ps = store.prepared("UPDATE users SET password_hash = ?, login_failures = ?,"
                    + " quorum_public_key = ? WHERE id = ?");
            ps.setString(1, user.passwordHash());
            ps.setInt(2, user.loginFailures());
            ps.setBytes(3, user.quorumPublicKey());
            ps.setInt(4, user.id());
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void deleteUser(int userId) {
        sql(() -> {
            PreparedStatement shares = store.prepared("DELETE FROM key_shares WHERE user_id = ?");
            shares.setInt(1, userId);
            shares.executeUpdate();
            PreparedStatement ps = store.prepared("DELETE FROM users WHERE id = ?");
            ps.setInt(1, userId);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void putAttestation(AttestationRecord record) {
        sql(() -> {
            PreparedStatement ps = store.prepared("INSERT OR REPLACE INTO node_attestations (node, time, passed, reason,"
                    + " measured, expected, chains) VALUES (?, ?, ?, ?, ?, ?, ?)");
            ps.setInt(1, record.nodeId());
            ps.setLong(2, record.timeMillis());
            ps.setInt(3, record.passed() ? 1 : 0);
            ps.setString(4, record.reason());
            ps.setString(5, record.measuredHex());
            ps.setString(6, record.expectedHex());
            ps.setString(7, record.chains());
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public int countKeysOwnedBy(int userId) {
        return sql(() -> {
            PreparedStatement ps = store.prepared("SELECT COUNT(*) FROM keys WHERE owner = ?");
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
            PreparedStatement ps = store.prepared("SELECT COUNT(*) FROM keys WHERE key_class = ?");
            ps.setInt(1, keyClass);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private <T> T sql(SqliteClusterStore.SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw store.failure("a write to the cluster store failed", e);
        }
    }
}
