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

    static KeyQuerySql of(KeyFilter f, String columns) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.visibleTo() != null) {
            where.add(USABLE_BY);
            params.add(f.visibleTo());
            params.add(f.visibleTo());
        }
        for (Integer user : f.alsoUsableBy()) {
            where.add(USABLE_BY);
            params.add(user);
            params.add(user);
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
