package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.UsableKeysSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SELECT for a {@link KeyFilter} on PostgreSQL, in creation order (every key a user can use:
 * {@link UsableKeysSql}'s three indexed halves); every criterion is a bound parameter, and the list of users who must all be able to use a key is one array parameter
 * however long it is.
 */
record PostgresKeyQuery(String sql, List<Object> parameters) {
    private static final String USABLE_BY = "(k.owner = ? OR EXISTS (SELECT 1 FROM key_shares s"
            + " WHERE s.handle = k.handle AND s.user_id = ?))";

    static PostgresKeyQuery of(KeyFilter f, String columns) {
        if (f.isUsableByOnly()) {
            return new PostgresKeyQuery(UsableKeysSql.select(columns, f.withAnyPublicKey()),
                    UsableKeysSql.parameters(f.visibleTo(), f.withAnyPublicKey()));
        }
        return general(f, columns, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * The same rows, only of the keys {@code handles} (a listing brought up to date, store.ListingCache):
     * found by their handles (one array parameter, the primary key's index), the filter checked on each.
     */
    static PostgresKeyQuery among(KeyFilter f, String columns, long[] handles) {
        List<String> where = new ArrayList<>(List.of("k.handle = ANY(?)"));
        List<Object> params = new ArrayList<>();
        params.add(boxed(handles)); // one parameter, the array (List.of would spread it)
        return general(f, columns, where, params);
    }

    static Long[] boxed(long[] handles) {
        return java.util.Arrays.stream(handles).boxed().toArray(Long[]::new);
    }

    private static PostgresKeyQuery general(KeyFilter f, String columns, List<String> where, List<Object> params) {
        List<String> usable = new ArrayList<>();
        if (f.visibleTo() != null) {
            usable.add(USABLE_BY);
            params.add(f.visibleTo());
            params.add(f.visibleTo());
        }
        if (!f.alsoUsableBy().isEmpty()) {
            usable.add("NOT EXISTS (SELECT 1 FROM unnest(?) u(id) WHERE NOT (k.owner = u.id OR EXISTS"
                    + " (SELECT 1 FROM key_shares s WHERE s.handle = k.handle AND s.user_id = u.id)))");
            params.add(f.alsoUsableBy().stream().distinct().toArray(Integer[]::new));
        }
        if (!usable.isEmpty()) {
            // findKey's "all public keys in the HSMs" (KeyFilter.orAnyPublicKey) in the same query
            String all = String.join(" AND ", usable);
            where.add(f.withAnyPublicKey() ? "(" + all + " OR " + UsableKeysSql.ANY_PUBLIC_KEY + ")" : all);
        }
        add(where, params, "k.key_class = ?", f.keyClass());
        add(where, params, "k.key_type = ?", f.keyType());
        add(where, params, "k.label = ?", f.label());
        add(where, params, "k.key_id = ?", PostgresKeyId.column(f.id()));
        add(where, params, "k.kcv = ?", f.kcv());
        return new PostgresKeyQuery("SELECT " + columns + ", k.seq AS creation_order FROM keys k"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY k.seq, k.handle", params);
    }

    private static void add(List<String> where, List<Object> params, String clause, Object value) {
        if (value != null) {
            where.add(clause);
            params.add(value);
        }
    }

    void bind(Connection c, PreparedStatement ps) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object p = parameters.get(i);
            if (p instanceof Integer[] users) {
                ps.setArray(i + 1, c.createArrayOf("integer", users));
            } else if (p instanceof Long[] handles) {
                ps.setArray(i + 1, c.createArrayOf("bigint", handles));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
