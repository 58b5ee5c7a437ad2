package io.hsmconsole.store.sqlite;

import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyFilter;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds the SELECT for a {@link KeyFilter}; every criterion is a bound parameter. */
record KeyQuerySql(String sql, List<Object> parameters) {
    private static final String USABLE_BY = "(k.owner = ? OR EXISTS (SELECT 1 FROM key_shares s"
            + " WHERE s.handle = k.handle AND s.user_id = ?))";
    /** A literal, not a parameter: the class is ours, never the user's, and SQLite plans a literal better. */
    static final String ANY_PUBLIC_KEY = "k.key_class = " + KeyClass.PUBLIC_KEY.code();

    /**
     * The SELECT of {@code columns} (of {@code keys k}) for the filter, in creation order. Every
     * key a user can use, with no other criterion (findKey without options, the key list), is read
     * as two ordered halves merged by {@code seq}: the user's own keys straight from the
     * {@code keys_owner_seq} index (already in creation order, no table scan, no sort) and the
     * keys shared with the user through {@code key_shares_user}. The OR of the general form cannot
     * use an index: it scanned the whole table and sorted it (62 ms at 100,000 keys). With
     * {@link KeyFilter#orAnyPublicKey()} the other users' public keys are a third half.
     */
    static KeyQuerySql of(KeyFilter f, String columns) {
        if (f.visibleTo() != null && isUsableByOnly(f)) {
            return usableBy(f.visibleTo(), f.withAnyPublicKey(), columns);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<String> usable = new ArrayList<>();
        if (f.visibleTo() != null) {
            usable.add(USABLE_BY);
            params.add(f.visibleTo());
            params.add(f.visibleTo());
        }
        if (!f.alsoUsableBy().isEmpty()) {
            // One clause and one parameter (a JSON array) however long the list: a clause per user
            // made the statement grow with it, past SQLite's limits (SQLITE_TOOBIG at 10,000 users).
            usable.add("NOT EXISTS (SELECT 1 FROM json_each(?) u WHERE NOT (k.owner = u.value OR EXISTS"
                    + " (SELECT 1 FROM key_shares s WHERE s.handle = k.handle AND s.user_id = u.value)))");
            params.add(f.alsoUsableBy().stream().distinct().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",", "[", "]")));
        }
        if (!usable.isEmpty()) {
            String all = String.join(" AND ", usable);
            where.add(f.withAnyPublicKey() ? "(" + all + " OR " + ANY_PUBLIC_KEY + ")" : all);
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
        return f.alsoUsableBy().isEmpty() && !f.hasKeyCriteria();
    }

    private static KeyQuerySql usableBy(int user, boolean orAnyPublicKey, String columns) {
        // A key is never shared with its owner, but "k.owner <> ?" keeps the halves disjoint anyway;
        // a public key is never shared (shareKey refuses), but NOT EXISTS keeps the third half apart too.
        String sql = "SELECT " + columns + ", k.seq AS creation_order FROM keys k WHERE k.owner = ?"
                + " UNION ALL SELECT " + columns + ", k.seq FROM key_shares s JOIN keys k ON k.handle = s.handle"
                + " WHERE s.user_id = ? AND k.owner <> ?"
                + (orAnyPublicKey ? " UNION ALL SELECT " + columns + ", k.seq FROM keys k WHERE " + ANY_PUBLIC_KEY
                        + " AND k.owner <> ? AND NOT EXISTS (SELECT 1 FROM key_shares s WHERE s.handle = k.handle"
                        + " AND s.user_id = ?)" : "")
                + " ORDER BY creation_order";
        return new KeyQuerySql(sql, orAnyPublicKey ? List.of(user, user, user, user, user) : List.of(user, user, user));
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
