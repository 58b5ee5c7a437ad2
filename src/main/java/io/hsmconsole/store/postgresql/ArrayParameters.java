package io.hsmconsole.store.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a statement's parameters in order, a column of many rows as one array (for
 * {@code unnest(?::bigint[], …)}), so that one statement text serves any number of rows.
 */
final class ArrayParameters {
    private final Connection c;
    private final PreparedStatement ps;
    private int next = 1;

    ArrayParameters(Connection c, PreparedStatement ps) {
        this.c = c;
        this.ps = ps;
    }

    ArrayParameters add(Object value) throws SQLException {
        ps.setObject(next++, value);
        return this;
    }

    <R> ArrayParameters longs(List<R> rows, Function<R, Long> column) throws SQLException {
        return array("bigint", rows.stream().map(column).toArray(Long[]::new));
    }

    <R> ArrayParameters ints(List<R> rows, Function<R, Integer> column) throws SQLException {
        return array("integer", rows.stream().map(column).toArray(Integer[]::new));
    }

    <R> ArrayParameters texts(List<R> rows, Function<R, String> column) throws SQLException {
        return array("text", rows.stream().map(column).toArray(String[]::new));
    }

    <R> ArrayParameters bytes(List<R> rows, Function<R, byte[]> column) throws SQLException {
        return array("bytea", rows.stream().map(column).toArray(byte[][]::new));
    }

    private ArrayParameters array(String type, Object[] values) throws SQLException {
        ps.setArray(next++, c.createArrayOf(type, values));
        return this;
    }
}
