package io.hsmconsole.store.postgresql;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyChangeLog;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.Listing;
import io.hsmconsole.store.ListingCache;
import io.hsmconsole.store.NodeCopyCount;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.StoredCodes;
import io.hsmconsole.store.UserRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every query of the PostgreSQL store, on a connection the caller holds (a read transaction of
 * {@link PostgresClusterStore}, or a write transaction of {@link PostgresTransaction}). Sealed
 * material and private keys are opened here, under the cluster's master key.
 */
final class PostgresReads {
    private static final String KEY_COLUMNS_WITHOUT_MATERIAL = "k.handle, k.owner, k.key_class, k.key_type,"
            + " k.size_bytes, k.label, k.key_id, k.flags, k.kcv, k.m_value, k.manage_m_value, k.origin_node, k.created_at";
    private static final String USER_SELECT = "SELECT id, name, type, password_hash, login_failures, quorum_public_key"
            + " FROM users";

    private final PostgresDatabase db;

    PostgresReads(PostgresDatabase db) {
        this.db = db;
    }

    ClusterRecord cluster(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, hsm_type, key_capacity, created_at FROM cluster");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException(db.location(), "the cluster schema has no cluster record; it is damaged");
            }
            return new ClusterRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
        }
    }

    List<NodeRecord> nodes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LockedCluster.NODES); ResultSet rs = ps.executeQuery()) {
            return LockedCluster.nodes(rs);
        }
    }

    List<UserRecord> users(Connection c) throws SQLException {
        return users(c, USER_SELECT + " ORDER BY id", null);
    }

    Optional<UserRecord> userByName(Connection c, String name) throws SQLException {
        return users(c, USER_SELECT + " WHERE lower(name) = lower(?)", name).stream().findFirst();
    }

    Optional<UserRecord> userById(Connection c, int id) throws SQLException {
        return users(c, USER_SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    private List<UserRecord> users(Connection c, String sql, Object parameter) throws SQLException {
        List<UserRecord> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(3);
                    UserType userType = UserType.parse(type).orElseThrow(() -> new StoreException(db.location(),
                            "unknown user type '" + type + "' in the cluster store; it is damaged or was written by"
                                    + " a newer version"));
                    users.add(new UserRecord(rs.getInt(1), rs.getString(2), userType, rs.getString(4), rs.getInt(5),
                            rs.getBytes(6)));
                }
            }
        }
        return users;
    }

    Optional<KeyRecord> key(Connection c, long handle) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY_COLUMNS_WITHOUT_MATERIAL + ", k.material"
                + " FROM keys k WHERE k.handle = ?")) {
            ps.setLong(1, handle);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(key(rs, shares(c, handle), openMaterial(handle, rs.getBytes("material"))));
            }
        }
    }

    /** Moved by the triggers of schema versions 3 and 4 whenever keys, shares or copies change ({@code ListingCache}). */
    ListingCache.KeyChanges keyChanges(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(KeyChangeLog.COUNTER_AND_FLOOR)) {
            return KeyChangeLog.read(ps);
        }
    }

    /** What changed since a counter value, from the log the triggers of schema version 4 write. */
    long[] changedSince(Connection c, long since, boolean withCopies, int limit) throws SQLException {
        try (PreparedStatement changed = c.prepareStatement(KeyChangeLog.changedSince(withCopies));
             PreparedStatement floor = c.prepareStatement(KeyChangeLog.COUNTER_AND_FLOOR)) {
            return KeyChangeLog.changedSince(changed, floor, since, limit);
        }
    }

    /** The handles the filter selects, in creation order; only among these keys unless {@code among} is null. */
    Listing<Long> findKeys(Connection c, KeyFilter filter, long[] among) throws SQLException {
        PostgresKeyQuery q = among == null ? PostgresKeyQuery.of(filter, "k.handle")
                : PostgresKeyQuery.among(filter, "k.handle", among);
        Listing.Builder<Long> handles = Listing.ordered();
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            q.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long handle = rs.getLong(1);
                    handles.add(handle, rs.getLong("creation_order"), handle);
                }
            }
        }
        return handles.build();
    }

    /** The keys the filter selects, without material, in creation order; only among these keys unless null. */
    Listing<KeyRecord> listKeys(Connection c, KeyFilter filter, long[] among) throws SQLException {
        Map<Long, List<Integer>> shares = shares(c, among);
        PostgresKeyQuery q = among == null ? PostgresKeyQuery.of(filter, KEY_COLUMNS_WITHOUT_MATERIAL)
                : PostgresKeyQuery.among(filter, KEY_COLUMNS_WITHOUT_MATERIAL, among);
        Listing.Builder<KeyRecord> keys = Listing.ordered();
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            q.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long handle = rs.getLong("handle");
                    keys.add(handle, rs.getLong("creation_order"), key(rs, shares.getOrDefault(handle, List.of()),
                            new byte[0]));
                }
            }
        }
        return keys.build();
    }

    private KeyRecord key(ResultSet rs, List<Integer> shares, byte[] material) throws SQLException {
        long handle = rs.getLong("handle");
        return KeyRecord.builder().handle(handle).ownerId(rs.getInt("owner"))
                .keyClass(StoredCodes.keyClass(db.location(), handle, rs.getInt("key_class")))
                .keyType(StoredCodes.keyType(db.location(), handle, rs.getInt("key_type"))).sizeBytes(rs.getInt("size_bytes"))
                .label(rs.getString("label")).id(PostgresKeyId.of(rs.getBytes("key_id"))).flags(rs.getLong("flags")).kcv(rs.getBytes("kcv"))
                .mValue(rs.getInt("m_value")).manageMValue(rs.getInt("manage_m_value"))
                .originNode(rs.getInt("origin_node")).createdAtMillis(rs.getLong("created_at"))
                .sharedWith(shares).material(material).build();
    }

    private byte[] openMaterial(long handle, byte[] sealed) {
        try {
            return db.cipher().decrypt(handle, sealed);
        } catch (InvalidCipherTextException e) {
            throw new StoreException(db.location(), "the material of key " + handle + " does not authenticate under"
                    + " this cluster's master key (a wrong master.key, or a damaged row)");
        }
    }

    private byte[] openPrivateKey(String name, byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            return db.cipher().decrypt(name.getBytes(StandardCharsets.UTF_8), sealed);
        } catch (InvalidCipherTextException e) {
            throw new StoreException(db.location(), "the private key of " + name + " does not authenticate under"
                    + " this cluster's master key (a wrong master.key, or a damaged row)");
        }
    }

    List<Integer> shares(Connection c, long handle) throws SQLException {
        List<Integer> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM key_shares WHERE handle = ? ORDER BY user_id")) {
            ps.setLong(1, handle);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getInt(1));
                }
            }
        }
        return users;
    }

    /** Every key's shares, or only those of these keys. */
    private Map<Long, List<Integer>> shares(Connection c, long[] among) throws SQLException {
        Map<Long, List<Integer>> shares = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT handle, user_id FROM key_shares"
                + (among == null ? "" : " WHERE handle = ANY(?)") + " ORDER BY handle, user_id")) {
            if (among != null) {
                ps.setArray(1, c.createArrayOf("bigint", PostgresKeyQuery.boxed(among)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shares.computeIfAbsent(rs.getLong(1), h -> new ArrayList<>()).add(rs.getInt(2));
                }
            }
        }
        return shares;
    }

    List<KeyCopy> copies(Connection c, long handle) throws SQLException {
        return copies(c, "SELECT handle, node, available_at FROM key_copies WHERE handle = ? ORDER BY node", handle);
    }

    /** Every key copy, or only those of these keys. */
    Listing<KeyCopy> copies(Connection c, long[] among) throws SQLException {
        Listing.Builder<KeyCopy> copies = Listing.unordered();
        try (PreparedStatement ps = c.prepareStatement("SELECT handle, node, available_at FROM key_copies"
                + (among == null ? "" : " WHERE handle = ANY(?)"))) {
            if (among != null) {
                ps.setArray(1, c.createArrayOf("bigint", PostgresKeyQuery.boxed(among)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    KeyCopy copy = copy(rs);
                    copies.add(copy.handle(), 0, copy);
                }
            }
        }
        return copies.build();
    }

    private static KeyCopy copy(ResultSet rs) throws SQLException {
        long handle = rs.getLong(1);
        int node = rs.getInt(2);
        long at = rs.getLong(3);
        // wasNull speaks of the column read last: available_at, read after the others (a pending copy).
        return new KeyCopy(handle, node, rs.wasNull() ? null : at);
    }

    private List<KeyCopy> copies(Connection c, String sql, Long handle) throws SQLException {
        List<KeyCopy> copies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (handle != null) {
                ps.setLong(1, handle);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    copies.add(copy(rs));
                }
            }
        }
        return Collections.unmodifiableList(copies);
    }

    List<NodeCopyCount> copyCounts(Connection c, long nowMillis) throws SQLException {
        List<NodeCopyCount> counts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.id,"
                + " COUNT(k.handle) FILTER (WHERE k.available_at <= ?),"
                + " COUNT(k.handle) FILTER (WHERE k.available_at IS NULL OR k.available_at > ?)"
                + " FROM nodes n LEFT JOIN key_copies k ON k.node = n.id GROUP BY n.id ORDER BY n.id")) {
            ps.setLong(1, nowMillis);
            ps.setLong(2, nowMillis);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new NodeCopyCount(rs.getInt(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return counts;
    }

    /** Whether any token key has this ID (of any class). */
    boolean keyIdExists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM keys WHERE key_id = ? LIMIT 1")) {
            ps.setBytes(1, PostgresKeyId.column(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    int countKeysOwnedBy(Connection c, int userId) throws SQLException {
        return (int) count(c, "SELECT COUNT(*) FROM keys WHERE owner = ?", userId);
    }

    long countKeysOfClass(Connection c, int keyClass) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM keys WHERE key_class = ?", keyClass);
    }

    private static long count(Connection c, String sql, int parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long clusterNumber(Connection c, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM cluster");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** A value sealed under the master key at creation, so that a wrong key is refused at open. */
    byte[] sealingCheck(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sealing_check FROM cluster");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException(db.location(), "the cluster schema has no cluster record; it is damaged");
            }
            return rs.getBytes(1);
        }
    }

    ClusterCounters counters(Connection c) throws SQLException {
        return new ClusterCounters(clusterNumber(c, "handle_counter"), clusterNumber(c, "round_robin"));
    }

    List<IdentityItem> identities(Connection c) throws SQLException {
        List<IdentityItem> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, certificate, private_key FROM identities ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                items.add(new IdentityItem(name, rs.getBytes(2), openPrivateKey(name, rs.getBytes(3))));
            }
        }
        return items;
    }

    Optional<IdentityItem> identity(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT certificate, private_key FROM identities WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new IdentityItem(name, rs.getBytes(1), openPrivateKey(name, rs.getBytes(2))))
                        : Optional.empty();
            }
        }
    }

    List<AuditRecord> auditRecords(Connection c, long afterSeq, int limit) throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, time, node, user_id, user_name, command, arguments,"
                + " result_code, previous_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new AuditRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBytes(9), rs.getBytes(10)));
                }
            }
        }
        return records;
    }

    List<AttestationRecord> lastAttestations(Connection c) throws SQLException {
        List<AttestationRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT node, time, passed, reason, measured, expected, chains"
                + " FROM node_attestations ORDER BY node"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.add(new AttestationRecord(rs.getInt(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        return records;
    }
}
