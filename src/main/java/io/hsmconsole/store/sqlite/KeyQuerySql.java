package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.UsableKeysSql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds the SELECT for a {@link KeyFilter}; every criterion is a bound parameter. */
record KeyQuerySql(String sql, List<Object> parameters) {
    private static final String USABLE_BY = "(k.owner = ? OR EXISTS (SELECT 1 FROM key_shares s"
            + " WHERE s.handle = k.handle AND s.user_id = ?))";

    /**
     * The SELECT of {@code columns} (of {@code keys k}) for the filter, in creation order. Every key a
     * user can use, with no other criterion, is {@link UsableKeysSql}'s three halves (an index each).
     */
    static KeyQuerySql of(KeyFilter f, String columns) {
        if (f.isUsableByOnly()) {
            return new KeyQuerySql(UsableKeysSql.select(columns, f.withAnyPublicKey()),
                    UsableKeysSql.parameters(f.visibleTo(), f.withAnyPublicKey()));
        }
        return general(f, columns, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * The same rows, only of the keys {@code handles} (a listing brought up to date, store.ListingCache):
     * found by their handles (one JSON array parameter), the filter checked on each.
     */
    static KeyQuerySql among(KeyFilter f, String columns, long[] handles) {
        List<String> where = new ArrayList<>(List.of("k.handle IN (SELECT value FROM json_each(?))"));
        return general(f, columns, where, new ArrayList<>(List.of(jsonArray(handles))));
    }

    static String jsonArray(long[] handles) {
        StringBuilder json = new StringBuilder(handles.length * 12).append('[');
        for (int i = 0; i < handles.length; i++) {
            json.append(i == 0 ? "" : ",").append(handles[i]);
        }
        return json.append(']').toString();
    }

    private static KeyQuerySql general(KeyFilter f, String columns, List<String> where, List<Object> params) {
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
            where.add(f.withAnyPublicKey() ? "(" + all + " OR " + UsableKeysSql.ANY_PUBLIC_KEY + ")" : all);
        }
        add(where, params, "k.key_class = ?", f.keyClass());
        add(where, params, "k.key_type = ?", f.keyType());
        add(where, params, "k.label = ?", f.label());
        add(where, params, "k.key_id = ?", f.id());
        add(where, params, "k.kcv = ?", f.kcv());
        String sql = "SELECT " + columns + ", k.seq AS creation_order FROM keys k"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY k.seq, k.handle";
        return new KeyQuerySql(sql, params);
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
