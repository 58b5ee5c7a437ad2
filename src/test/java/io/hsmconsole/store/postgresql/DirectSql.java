package io.hsmconsole.store.postgresql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** SQL run on a test database with a connection of its own, as an older version (or someone by hand) would. */
final class DirectSql {
    private DirectSql() {
    }

    /** Runs the statements in order; the first column of the last query's first row, or null. */
    static String run(PostgresUrl url, String... statements) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", url.user());
        credentials.setProperty("password", url.password());
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), credentials); Statement st = c.createStatement()) {
            String last = null;
            for (String s : statements) {
                if (st.execute(s)) {
                    try (ResultSet rs = st.getResultSet()) {
                        last = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            return last;
        }
    }
}
