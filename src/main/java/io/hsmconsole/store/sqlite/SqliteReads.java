package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.ClusterCounters;
import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeCopyCount;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.UserRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Moved by the triggers of migration 8 whenever a key, a share or a copy changes ({@code ListingCache}). */
    long keyChanges() throws SQLException {
        try (ResultSet rs = db.prepared("SELECT key_changes FROM cluster").executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    List<Long> findKeys(KeyFilter filter) throws SQLException {
        KeyQuerySql q = KeyQuerySql.of(filter, "k.handle");
        PreparedStatement ps = db.prepared(q.sql());
        q.bind(ps);
        // Read into a primitive array first, so the list is made once at its final size
        // (100,000 handles in a list grown from 10 copied about 30 times).
        long[] read = new long[256];
        int count = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (count == read.length) {
                    read = Arrays.copyOf(read, count * 2);
                }
                read[count++] = rs.getLong(1);
            }
        }
        List<Long> handles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            handles.add(read[i]);
        }
        return Collections.unmodifiableList(handles);
    }

    List<KeyRecord> listKeys(KeyFilter filter) throws SQLException {
        Map<Long, List<Integer>> shares = allShares();
        KeyQuerySql q = KeyQuerySql.of(filter, SqliteRows.KEY_COLUMNS_WITHOUT_MATERIAL);
        PreparedStatement ps = db.prepared(q.sql());
        q.bind(ps);
        List<KeyRecord> keys = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long handle = rs.getLong("handle");
                keys.add(rows.key(rs, shares.getOrDefault(handle, List.of()), new byte[0]));
            }
        }
        return Collections.unmodifiableList(keys);
    }

    List<KeyCopy> allCopies() throws SQLException {
        List<KeyCopy> copies = new ArrayList<>();
        try (ResultSet rs = db.prepared("SELECT handle, node, available_at FROM key_copies").executeQuery()) {
            while (rs.next()) {
                copies.add(SqliteRows.copy(rs));
            }
        }
        return Collections.unmodifiableList(copies);
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

    private Map<Long, List<Integer>> allShares() throws SQLException {
        Map<Long, List<Integer>> shares = new HashMap<>();
        try (ResultSet rs = db.prepared("SELECT handle, user_id FROM key_shares ORDER BY handle, user_id").executeQuery()) {
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
