package io.hsmconsole.store;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** SQL that turns a store of the current schema back into what older versions of the application wrote. */
final class OldSchemas {
    /** Schema 10 back to 9: no manage_m_value column (one m_value guarded both). */
    static final List<String> UNDO_10 = List.of("ALTER TABLE keys DROP COLUMN manage_m_value");

    /** Schema 9 back to 8: no change log, no floor, the triggers of version 8 (the counter alone). */
    static final List<String> UNDO_9 = undo9();

    private static List<String> undo9() {
        List<String> sql = new java.util.ArrayList<>(List.of("DROP TRIGGER key_change_log_trim"));
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            sql.add("DROP TRIGGER " + table + "_handle_moved");
            for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                String name = table + "_" + event.toLowerCase(java.util.Locale.ROOT) + "_changes";
                sql.add("DROP TRIGGER " + name);
                sql.add("CREATE TRIGGER " + name + " AFTER " + event + " ON " + table
                        + " BEGIN UPDATE cluster SET key_changes = key_changes + 1; END");
            }
        }
        sql.add("DROP TABLE key_change_log");
        sql.add("ALTER TABLE cluster DROP COLUMN key_log_floor");
        return List.copyOf(sql);
    }

    /** Schema 8 back to 7: no key_changes counter, no triggers moving it, no index of the public keys. */
    static final List<String> UNDO_8 = undo8();

    private static List<String> undo8() {
        List<String> sql = new java.util.ArrayList<>();
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            for (String event : List.of("insert", "update", "delete")) {
                sql.add("DROP TRIGGER " + table + "_" + event + "_changes");
            }
        }
        sql.add("DROP INDEX keys_public");
        sql.add("ALTER TABLE cluster DROP COLUMN key_changes");
        return List.copyOf(sql);
    }

    /** Schema 6 back to 5: keys indexed by owner alone instead of (owner, seq). */
    /** Schema 7 back to 6: a key ID unique across all keys (before key pairs shared theirs). */
    static final List<String> UNDO_7 = List.of(
            "DROP INDEX keys_id_class",
            "CREATE UNIQUE INDEX keys_id ON keys(key_id) WHERE key_id <> ''");

    static final List<String> UNDO_6 = List.of(
            "DROP INDEX keys_owner_seq",
            "CREATE INDEX keys_owner ON keys(owner)");

    /**
     * Schema 5 back to 4: audit_log with AUTOINCREMENT (its high water in sqlite_sequence, kept by
     * SQLite as the copied rows are inserted), no audit_high_water column in cluster, key_copies
     * indexed by (node, available_at). Leaves user_version to the caller.
     */
    static final List<String> UNDO_5 = List.of(
            "CREATE TABLE audit_log_v4 (seq INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL,"
                    + " node INTEGER NOT NULL, user_id INTEGER NOT NULL, user_name TEXT NOT NULL,"
                    + " command TEXT NOT NULL, arguments TEXT NOT NULL, result_code INTEGER NOT NULL,"
                    + " previous_hash BLOB, hash BLOB NOT NULL)",
            "INSERT INTO audit_log_v4 SELECT * FROM audit_log",
            "DROP TABLE audit_log",
            "ALTER TABLE audit_log_v4 RENAME TO audit_log",
            "ALTER TABLE cluster DROP COLUMN audit_high_water",
            "DROP INDEX key_copies_pending",
            "CREATE INDEX key_copies_node ON key_copies(node, available_at)");

    private OldSchemas() {
    }

    /** A demo cluster in {@code dataDir} holding example_user's AES keys with these labels; its store file. */
    static Path demoStoreWithKeys(Path dataDir, ManualClock clock, String... labels) {
        try (HsmCluster cluster = TestClusters.demo(dataDir, clock)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            for (String label : labels) {
                s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, label));
            }
            s.close();
        }
        return dataDir.resolve("clusters").resolve("demo").resolve("cluster.db");
    }

    /** Runs statements on the store file with a connection of its own, as an older version would. */
    static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    static void sql(Path db, List<String> statements) throws SQLException {
        sql(db, statements.toArray(String[]::new));
    }

    static int userVersion(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            return st.executeQuery("PRAGMA user_version").getInt(1);
        }
    }
}
