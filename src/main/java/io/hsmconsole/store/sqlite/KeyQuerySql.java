package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.KeyFilter;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds the SELECT for a {@link KeyFilter}; every criterion is a bound parameter. */
record KeyQuerySql(String sql, List<Object> parameters) {
    private static final String USABLE_BY = "(k.owner = ? OR EXISTS (SELECT 1 FROM key_shares s"
            + " WHERE s.handle = k.handle AND s.user_id = ?))";

    /**
     * The SELECT of {@code columns} (of {@code keys k}) for the filter, in creation order. Every
     * key a user can use, with no other criterion (findKey without options, the key list), is read
     * as two ordered halves merged by {@code seq}: the user's own keys straight from the
     * {@code keys_owner_seq} index (already in creation order, no table scan, no sort) and the
     * keys shared with the user through {@code key_shares_user}. The OR of the general form cannot
     * use an index: it scanned the whole table and sorted it (62 ms at 100,000 keys).
     */
    static KeyQuerySql of(KeyFilter f, String columns) {
        if (f.visibleTo() != null && isUsableByOnly(f)) {
            return usableBy(f.visibleTo(), columns);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.visibleTo() != null) {
            where.add(USABLE_BY);
            params.add(f.visibleTo());
            params.add(f.visibleTo());
        }
        if (!f.alsoUsableBy().isEmpty()) {
            // One clause and one parameter (a JSON array) however long the list: a clause per user
            // made the statement grow with it, past SQLite's limits (SQLITE_TOOBIG at 10,000 users).
            where.add("NOT EXISTS (SELECT 1 FROM json_each(?) u WHERE NOT (k.owner = u.value OR EXISTS"
                    + " (SELECT 1 FROM key_shares s WHERE s.handle = k.handle AND s.user_id = u.value)))");
            params.add(f.alsoUsableBy().stream().distinct().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",", "[", "]")));
        }
        add(where, params, "k.key_class = ?", f.keyClass());
        add(where, params, "k.key_type = ?", f.keyType());
        add(where, params, "k.label = ?", f.label());
        add(where, params, "k.key_id = ?", f.id());
        add(where, params, "k.kcv = ?", f.kcv());
        String sql = "SELECT " + columns + " FROM keys k"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY k.seq";
        return new KeyQuerySql(sql, params);
    }

    private static boolean isUsableByOnly(KeyFilter f) {
        return f.alsoUsableBy().isEmpty() && f.keyClass() == null && f.keyType() == null && f.label() == null
                && f.id() == null && f.kcv() == null;
    }

    private static KeyQuerySql usableBy(int user, String columns) {
        // A key is never shared with its owner, but "k.owner <> ?" keeps the halves disjoint anyway.
        String sql = "SELECT " + columns + ", k.seq AS creation_order FROM keys k WHERE k.owner = ?"
                + " UNION ALL SELECT " + columns + ", k.seq FROM key_shares s JOIN keys k ON k.handle = s.handle"
                + " WHERE s.user_id = ? AND k.owner <> ?"
                + " ORDER BY creation_order";
        return new KeyQuerySql(sql, List.of(user, user, user));
    }

    private static void add(List<String> where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.add(clause);
            params.add(value);
        }
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
    }
}
