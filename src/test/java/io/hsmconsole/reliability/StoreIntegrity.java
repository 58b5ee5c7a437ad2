package io.hsmconsole.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQLite's own checks of a store file, run on a plain connection (as anyone could with the sqlite3 tool). */
public final class StoreIntegrity {
    private StoreIntegrity() {
    }

    /** {@code PRAGMA integrity_check} rows ("ok" alone when the file is sound) plus any foreign key violation. */
    public static List<String> problems(Path db) {
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!rs.getString(1).equals("ok")) {
                        problems.add("integrity_check: " + rs.getString(1));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    problems.add("foreign_key_check: table " + rs.getString(1) + " row " + rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            problems.add("cannot check " + db + ": " + e.getMessage());
        }
        return problems;
    }
}
