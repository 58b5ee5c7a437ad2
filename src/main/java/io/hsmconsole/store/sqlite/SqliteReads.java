package io.hsmconsole.store.sqlite;

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
import io.hsmconsole.store.UserRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every query of the store, as SQL over the shared connection. Callers hold the connection and decide
 * what a failure means: {@link SqliteClusterStore} reads outside a transaction, {@link SqliteTransaction}
 * inside one.
 */
final class SqliteReads {
    private final SqliteDatabase db;
    private final SqliteRows rows;

    SqliteReads(SqliteDatabase db) {
        this.db = db;
        this.rows = db.rows();
    }

    List<NodeRecord> nodes() throws SQLException {
        return rows.nodes(db.prepared("SELECT id, online, latency_ms, firmware_version,"
                + " firmware_measurement FROM nodes ORDER BY id"));
    }

    /** Moves when another connection commits ({@code data_version}) and with every commit of ours. */
    long changeCounter() throws SQLException {
        try (ResultSet rs = db.prepared("PRAGMA data_version").executeQuery()) {
            return (rs.next() ? rs.getLong(1) : 0) + db.localCommits();
        }
    }

    /** Moved by the triggers of migrations 8 and 9 whenever a key, a share or a copy changes ({@code ListingCache}). */
    ListingCache.KeyChanges keyChanges() throws SQLException {
        return KeyChangeLog.read(db.prepared(KeyChangeLog.COUNTER_AND_FLOOR));
    }

    /** What changed since a counter value, from the log the triggers of migration 9 write. */
    long[] changedSince(long since, boolean withCopies, int limit) throws SQLException {
        return KeyChangeLog.changedSince(db.prepared(KeyChangeLog.changedSince(withCopies)),
                db.prepared(KeyChangeLog.COUNTER_AND_FLOOR), since, limit);
    }

    /** The handles the filter selects, in creation order; only among these keys unless {@code among} is null. */
    Listing<Long> findKeys(KeyFilter filter, long[] among) throws SQLException {
        KeyQuerySql q = among == null ? KeyQuerySql.of(filter, "k.handle") : KeyQuerySql.among(filter, "k.handle", among);
        PreparedStatement ps = db.prepared(q.sql());
        q.bind(ps);
        Listing.Builder<Long> handles = Listing.ordered();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long handle = rs.getLong(1);
                handles.add(handle, rs.getLong("creation_order"), handle);
            }
        }
        return handles.build();
    }

    /** The keys the filter selects, without material, in creation order; only among these keys unless null. */
    Listing<KeyRecord> listKeys(KeyFilter filter, long[] among) throws SQLException {
        Map<Long, List<Integer>> shares = shares(among);
        KeyQuerySql q = among == null ? KeyQuerySql.of(filter, SqliteRows.KEY_COLUMNS_WITHOUT_MATERIAL)
                : KeyQuerySql.among(filter, SqliteRows.KEY_COLUMNS_WITHOUT_MATERIAL, among);
        PreparedStatement ps = db.prepared(q.sql());
        q.bind(ps);
        Listing.Builder<KeyRecord> keys = Listing.ordered();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long handle = rs.getLong("handle");
                keys.add(handle, rs.getLong("creation_order"), rows.key(rs, shares.getOrDefault(handle, List.of()),
                        new byte[0]));
            }
        }
        return keys.build();
    }

    /** Every key copy, or only those of these keys. */
    Listing<KeyCopy> copies(long[] among) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT handle, node, available_at FROM key_copies"
                + (among == null ? "" : " WHERE handle IN (SELECT value FROM json_each(?))"));
        if (among != null) {
            ps.setString(1, KeyQuerySql.jsonArray(among));
        }
        Listing.Builder<KeyCopy> copies = Listing.unordered();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                KeyCopy copy = SqliteRows.copy(rs);
                copies.add(copy.handle(), 0, copy);
            }
        }
        return copies.build();
    }

    List<AuditRecord> auditRecords(long afterSeq, int limit) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT seq, time, node, user_id, user_name, command, arguments, result_code,"
                + " previous_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?");
        ps.setLong(1, afterSeq);
        ps.setInt(2, limit);
        List<AuditRecord> records = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.add(new AuditRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBytes(9), rs.getBytes(10)));
            }
        }
        return records;
    }

    List<IdentityItem> identities() throws SQLException {
        List<IdentityItem> items = new ArrayList<>();
        try (ResultSet rs = db.prepared("SELECT name, certificate, private_key FROM identities ORDER BY name").executeQuery()) {
            while (rs.next()) {
                byte[] sealed = rs.getBytes(3);
                String name = rs.getString(1);
                items.add(new IdentityItem(name, rs.getBytes(2), sealed == null ? null : rows.decryptIdentity(name, sealed)));
            }
        }
        return items;
    }

    ClusterCounters counters() throws SQLException {
        try (ResultSet rs = db.prepared("SELECT handle_counter, round_robin FROM cluster").executeQuery()) {
            rs.next();
            return new ClusterCounters(rs.getLong(1), rs.getLong(2));
        }
    }

    Optional<IdentityItem> identity(String name) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT certificate, private_key FROM identities WHERE name = ?");
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            byte[] sealed = rs.getBytes(2);
            return Optional.of(new IdentityItem(name, rs.getBytes(1), sealed == null ? null : rows.decryptIdentity(name, sealed)));
        }
    }

    List<AttestationRecord> lastAttestations() throws SQLException {
        List<AttestationRecord> records = new ArrayList<>();
        try (ResultSet rs = db.prepared("SELECT node, time, passed, reason, measured, expected, chains"
                + " FROM node_attestations ORDER BY node").executeQuery()) {
            while (rs.next()) {
                records.add(new AttestationRecord(rs.getInt(1), rs.getLong(2), rs.getInt(3) != 0, rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        return records;
    }

    List<NodeCopyCount> copyCounts(long nowMillis) throws SQLException {
        // One pass over the copies with a pair of sums per node: key_copies has no index by node
        // (it would cost a page per node on every key creation), and GROUP BY node would sort them all.
        List<Integer> nodeIds = new ArrayList<>();
        try (ResultSet rs = db.prepared("SELECT id FROM nodes ORDER BY id").executeQuery()) {
            while (rs.next()) {
                nodeIds.add(rs.getInt(1));
            }
        }
        if (nodeIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int id : nodeIds) {
            sql.append(id == nodeIds.get(0) ? "" : ", ").append("SUM(node = ").append(id)
                    .append(" AND available_at <= ?1), SUM(node = ").append(id)
                    .append(" AND (available_at IS NULL OR available_at > ?1))");
        }
        PreparedStatement ps = db.prepared(sql.append(" FROM key_copies").toString());
        ps.setLong(1, nowMillis);
        List<NodeCopyCount> counts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            for (int i = 0; i < nodeIds.size(); i++) {
                counts.add(new NodeCopyCount(nodeIds.get(i), rs.getLong(2 * i + 1), rs.getLong(2 * i + 2)));
            }
        }
        return counts;
    }

    ClusterRecord cluster() throws SQLException {
        try (ResultSet rs = db.prepared("SELECT name, hsm_type, key_capacity, created_at FROM cluster").executeQuery()) {
            if (!rs.next()) {
                throw new StoreException(db.path(), "the cluster store has no cluster record; it is damaged");
            }
            return new ClusterRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
        }
    }

    long tokenKeyCount() throws SQLException {
        try (ResultSet rs = db.prepared("SELECT token_key_count FROM cluster").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    List<UserRecord> users() throws SQLException {
        return rows.users(db.prepared(SqliteRows.USER_SELECT + " ORDER BY id"));
    }

    Optional<UserRecord> userByName(String name) throws SQLException {
        PreparedStatement ps = db.prepared(SqliteRows.USER_SELECT + " WHERE name = ? COLLATE NOCASE");
        ps.setString(1, name);
        return rows.users(ps).stream().findFirst();
    }

    Optional<UserRecord> userById(int id) throws SQLException {
        PreparedStatement ps = db.prepared(SqliteRows.USER_SELECT + " WHERE id = ?");
        ps.setInt(1, id);
        return rows.users(ps).stream().findFirst();
    }

    Optional<KeyRecord> key(long handle) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT " + SqliteRows.KEY_COLUMNS + " FROM keys WHERE handle = ?");
        ps.setLong(1, handle);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            byte[] material = rows.decryptMaterial(handle, rs.getBytes("material"));
            return Optional.of(rows.key(rs, shares(handle), material));
        }
    }

    List<Integer> shares(long handle) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT user_id FROM key_shares WHERE handle = ? ORDER BY user_id");
        ps.setLong(1, handle);
        List<Integer> users = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(rs.getInt(1));
            }
        }
        return users;
    }

    List<KeyCopy> copies(long handle) throws SQLException {
        PreparedStatement ps = db.prepared("SELECT handle, node, available_at FROM key_copies WHERE handle = ? ORDER BY node");
        ps.setLong(1, handle);
        List<KeyCopy> copies = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                copies.add(SqliteRows.copy(rs));
            }
        }
        return Collections.unmodifiableList(copies);
    }

    /** Every key's shares, or only those of these keys. */
    private Map<Long, List<Integer>> shares(long[] among) throws SQLException {
        Map<Long, List<Integer>> shares = new HashMap<>();
        PreparedStatement ps = db.prepared("SELECT handle, user_id FROM key_shares"
                + (among == null ? "" : " WHERE handle IN (SELECT value FROM json_each(?))") + " ORDER BY handle, user_id");
        if (among != null) {
            ps.setString(1, KeyQuerySql.jsonArray(among));
        }
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                shares.computeIfAbsent(rs.getLong(1), h -> new ArrayList<>()).add(rs.getInt(2));
            }
        }
        return shares;
    }

    long auditHighWater() throws SQLException {
        // Kept in the cluster row by every append, so it survives the deletion of the newest records.
        try (ResultSet rs = db.prepared("SELECT audit_high_water FROM cluster").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
