package io.hsmconsole.store.sqlite;

import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyChangeLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema and its forward migrations. {@code PRAGMA application_id} marks the file as
 * ours; {@code PRAGMA user_version} is the schema version. Migration N takes version N-1 to N.
 */
final class Schema {
    /** "HSMC" in ASCII: lets us tell our stores from any other SQLite file. */
    static final int APPLICATION_ID = 0x48534D43;

    private static final List<List<String>> MIGRATIONS = List.of(
            // version 1: the first schema
            List.of(
                    "CREATE TABLE cluster (singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
                            + " name TEXT NOT NULL, hsm_type TEXT NOT NULL, key_capacity INTEGER NOT NULL,"
                            + " created_at INTEGER NOT NULL, handle_counter INTEGER NOT NULL,"
                            + " round_robin INTEGER NOT NULL, token_key_count INTEGER NOT NULL)",
                    "CREATE TABLE nodes (id INTEGER PRIMARY KEY, online INTEGER NOT NULL,"
                            + " latency_ms INTEGER NOT NULL, firmware_version TEXT NOT NULL,"
                            + " firmware_measurement BLOB NOT NULL)",
                    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                            + " type TEXT NOT NULL, password_hash TEXT, login_failures INTEGER NOT NULL DEFAULT 0,"
                            + " quorum_public_key BLOB)",
                    "CREATE TABLE keys (handle INTEGER PRIMARY KEY, seq INTEGER NOT NULL,"
                            + " owner INTEGER NOT NULL REFERENCES users(id), key_class INTEGER NOT NULL,"
                            + " key_type INTEGER NOT NULL, size_bytes INTEGER NOT NULL, label TEXT NOT NULL,"
                            + " key_id TEXT NOT NULL, flags INTEGER NOT NULL, kcv BLOB, m_value INTEGER NOT NULL,"
                            + " origin_node INTEGER NOT NULL, created_at INTEGER NOT NULL, material BLOB NOT NULL)",
                    "CREATE INDEX keys_label ON keys(label)",
                    "CREATE UNIQUE INDEX keys_id ON keys(key_id) WHERE key_id <> ''",
                    "CREATE INDEX keys_owner ON keys(owner)",
                    "CREATE INDEX keys_kcv ON keys(kcv)",
                    "CREATE TABLE key_shares (handle INTEGER NOT NULL REFERENCES keys(handle) ON DELETE CASCADE,"
                            + " user_id INTEGER NOT NULL, PRIMARY KEY (handle, user_id)) WITHOUT ROWID",
                    "CREATE INDEX key_shares_user ON key_shares(user_id, handle)",
                    "CREATE TABLE key_copies (handle INTEGER NOT NULL REFERENCES keys(handle) ON DELETE CASCADE,"
                            + " node INTEGER NOT NULL, available_at INTEGER, PRIMARY KEY (handle, node)) WITHOUT ROWID",
                    "CREATE INDEX key_copies_node ON key_copies(node, available_at)"),
            // version 2: the cluster's PKI for attestation (roots, per-node hardware and HSM certificates)
            List.of(
                    "CREATE TABLE identities (name TEXT PRIMARY KEY, certificate BLOB NOT NULL, private_key BLOB)"),
            // version 3: the hash-chained audit log
            List.of(
                    "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL,"
                            + " node INTEGER NOT NULL, user_id INTEGER NOT NULL, user_name TEXT NOT NULL,"
                            + " command TEXT NOT NULL, arguments TEXT NOT NULL, result_code INTEGER NOT NULL,"
                            + " previous_hash BLOB, hash BLOB NOT NULL)"),
            // version 4: each node's last attestation, so every process sees it (removed with the node)
            List.of(
                    "CREATE TABLE node_attestations (node INTEGER PRIMARY KEY, time INTEGER NOT NULL,"
                            + " passed INTEGER NOT NULL, reason TEXT NOT NULL, measured TEXT NOT NULL,"
                            + " expected TEXT NOT NULL, chains TEXT NOT NULL)"),
            // version 5: fewer pages written per key creation (each commit writes every page it touched).
            // The audit log's high water moves into the cluster row, which a key creation writes anyway,
            // so audit_log drops AUTOINCREMENT and a commit no longer writes sqlite_sequence; every row
            // and seq is kept. The index of copies by node (a page per node per key) becomes an index of
            // the pending copies only, the one query that needs an index by node.
            List.of(
                    "ALTER TABLE cluster ADD COLUMN audit_high_water INTEGER NOT NULL DEFAULT 0",
                    "UPDATE cluster SET audit_high_water = MAX("
                            + "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0),"
                            + " COALESCE((SELECT MAX(seq) FROM audit_log), 0))",
                    "CREATE TABLE audit_log_v5 (seq INTEGER PRIMARY KEY, time INTEGER NOT NULL,"
                            + " node INTEGER NOT NULL, user_id INTEGER NOT NULL, user_name TEXT NOT NULL,"
                            + " command TEXT NOT NULL, arguments TEXT NOT NULL, result_code INTEGER NOT NULL,"
                            + " previous_hash BLOB, hash BLOB NOT NULL)",
                    "INSERT INTO audit_log_v5 (seq, time, node, user_id, user_name, command, arguments, result_code,"
                            + " previous_hash, hash) SELECT seq, time, node, user_id, user_name, command, arguments,"
                            + " result_code, previous_hash, hash FROM audit_log ORDER BY seq",
                    "DROP TABLE audit_log",
                    "ALTER TABLE audit_log_v5 RENAME TO audit_log",
                    "DROP INDEX key_copies_node",
                    "CREATE INDEX key_copies_pending ON key_copies(node) WHERE available_at IS NULL"),
            // version 6: a user's keys in creation order straight from an index (findKey without
            // criteria, the key list); it serves every lookup by owner, so keys_owner goes
            List.of(
                    "CREATE INDEX IF NOT EXISTS keys_owner_seq ON keys(owner, seq)",
                    "DROP INDEX IF EXISTS keys_owner"),
            // version 7: the two halves of a key pair share their ID (key_mgmt_util-genRSAKeyPair.md:
            // "The ID that you specify applies to both keys in the pair"), so an ID is unique per class;
            // the simulator still refuses an ID any other key holds
            List.of(
                    "DROP INDEX IF EXISTS keys_id",
                    "CREATE UNIQUE INDEX IF NOT EXISTS keys_id_class ON keys(key_id, key_class) WHERE key_id <> ''"),
            // version 8: listings of many keys are remembered while the keys are unchanged (store.ListingCache):
            // key_changes moves, in the same transaction, with every change to a key, a share or a copy,
            // by trigger, so no write path can forget it; and everyone's public keys (the third half of
            // store.UsableKeysSql) come from an index of their own instead of a scan of every key
            migration8(),
            // version 9: remembered listings follow changes instead of being read again whole
            // (store.ListingCache): the triggers of version 8 also write the changed key's handle to
            // key_change_log under the counter's new value, and trim it (store.KeyChangeLog)
            migration9(),
            // version 10: a key has two quorum values, CloudHSM CLI's
            // use-key-quorum-value (m_value, KMU's, as before) and manage-key-quorum-value; a key stored
            // earlier had one m_value guarding both, so its management value starts equal to it
            List.of(
                    "ALTER TABLE keys ADD COLUMN manage_m_value INTEGER NOT NULL DEFAULT 0",
                    "UPDATE keys SET manage_m_value = m_value"));

    private static List<String> migration8() {
        List<String> sql = new java.util.ArrayList<>(List.of(
                "ALTER TABLE cluster ADD COLUMN key_changes INTEGER NOT NULL DEFAULT 0",
                "CREATE INDEX IF NOT EXISTS keys_public ON keys(seq) WHERE key_class = " + KeyClass.PUBLIC_KEY.code()));
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                sql.add("CREATE TRIGGER IF NOT EXISTS " + table + "_" + event.toLowerCase(java.util.Locale.ROOT)
                        + "_changes AFTER " + event + " ON " + table
                        + " BEGIN UPDATE cluster SET key_changes = key_changes + 1; END");
            }
        }
        return List.copyOf(sql);
    }

    private static List<String> migration9() {
        int kept = KeyChangeLog.KEPT;
        List<String> sql = new java.util.ArrayList<>(List.of(
                "CREATE TABLE key_change_log (seq INTEGER PRIMARY KEY, handle INTEGER NOT NULL,"
                        + " copies_only INTEGER NOT NULL)",
                // A store migrated now has no log of the changes before: listings read before it are read whole.
                "ALTER TABLE cluster ADD COLUMN key_log_floor INTEGER NOT NULL DEFAULT 0",
                "UPDATE cluster SET key_log_floor = key_changes",
                "CREATE TRIGGER key_change_log_trim AFTER INSERT ON key_change_log"
                        + " WHEN NEW.seq > (SELECT key_log_floor FROM cluster) + " + 2 * kept
                        + " BEGIN UPDATE cluster SET key_log_floor = NEW.seq - " + kept + ";"
                        + " DELETE FROM key_change_log WHERE seq <= NEW.seq - " + kept + "; END"));
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            int copiesOnly = table.equals("key_copies") ? 1 : 0;
            for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                String name = table + "_" + event.toLowerCase(java.util.Locale.ROOT) + "_changes";
                sql.add("DROP TRIGGER IF EXISTS " + name);
                sql.add("CREATE TRIGGER " + name + " AFTER " + event + " ON " + table + " BEGIN "
                        + logged(event.equals("DELETE") ? "OLD" : "NEW", copiesOnly) + " END");
            }
            // A row whose handle moved changed two keys' listings (no write path does it today).
            sql.add("CREATE TRIGGER " + table + "_handle_moved AFTER UPDATE OF handle ON " + table
                    + " WHEN OLD.handle <> NEW.handle BEGIN " + logged("OLD", copiesOnly) + " END");
        }
        return List.copyOf(sql);
    }

    /** A trigger's body: the counter moved and the row's key logged under its new value. */
    private static String logged(String row, int copiesOnly) {
        return "UPDATE cluster SET key_changes = key_changes + 1;"
                + " INSERT INTO key_change_log (seq, handle, copies_only) SELECT key_changes, " + row + ".handle, "
                + copiesOnly + " FROM cluster;";
    }

    private Schema() {
    }

    static int currentVersion() {
        return MIGRATIONS.size();
    }

    /** Runs the migrations from {@code fromVersion} to the current one inside the caller's transaction. */
    static void migrate(Connection connection, int fromVersion) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (int v = fromVersion; v < MIGRATIONS.size(); v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA application_id = " + APPLICATION_ID);
            st.execute("PRAGMA user_version = " + MIGRATIONS.size());
        }
    }
}
