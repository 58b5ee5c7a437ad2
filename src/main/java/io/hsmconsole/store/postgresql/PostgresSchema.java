package io.hsmconsole.store.postgresql;

import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyChangeLog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A cluster's tables on PostgreSQL and their forward migrations, in one place. Each cluster is one
 * PostgreSQL schema ({@link #schemaName}) in the team's database, so that several clusters share a
 * server. The tables mirror the SQLite store's at its current version (same names and meaning;
 * PostgreSQL types); {@code schema_version} says which migration ran last, {@code cluster.sealing_check}
 * lets a wrong master key be refused at open. Migration N takes version N-1 to N.
 *
 * <p>Why not Flyway: the SQLite store keeps its version in {@code PRAGMA user_version} under its own
 * runner, which must also refuse foreign and newer files before touching them; one schema per
 * cluster created inside the create transaction is a few statements, and a list per dialect keeps
 * each backend's DDL readable next to its version.
 */
final class PostgresSchema {
    private static final String PREFIX = "hsm_";

    private static final List<List<String>> MIGRATIONS = List.of(
            // version 1: the SQLite store's schema at its version 7 (a key ID is unique per key class:
            // the two halves of a key pair share theirs)
            List.of(
                    "CREATE TABLE schema_version (singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
                            + " version INTEGER NOT NULL)",
                    "INSERT INTO schema_version VALUES (1, 0)",
                    "CREATE TABLE cluster (singleton INTEGER PRIMARY KEY CHECK (singleton = 1),"
                            + " name TEXT NOT NULL, hsm_type TEXT NOT NULL, key_capacity INTEGER NOT NULL,"
                            + " created_at BIGINT NOT NULL, handle_counter BIGINT NOT NULL,"
                            + " round_robin BIGINT NOT NULL, token_key_count BIGINT NOT NULL,"
                            + " audit_high_water BIGINT NOT NULL DEFAULT 0, change_counter BIGINT NOT NULL DEFAULT 0,"
                            + " sealing_check BYTEA NOT NULL)",
                    "CREATE TABLE nodes (id INTEGER PRIMARY KEY, online BOOLEAN NOT NULL,"
                            + " latency_ms BIGINT NOT NULL, firmware_version TEXT NOT NULL,"
                            + " firmware_measurement BYTEA NOT NULL)",
                    "CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT NOT NULL,"
                            + " type TEXT NOT NULL, password_hash TEXT, login_failures INTEGER NOT NULL DEFAULT 0,"
                            + " quorum_public_key BYTEA)",
                    // User names are case-insensitive, as on SQLite (COLLATE NOCASE).
                    "CREATE UNIQUE INDEX users_name ON users (lower(name))",
                    "CREATE TABLE keys (handle BIGINT PRIMARY KEY, seq BIGINT NOT NULL,"
                            + " owner INTEGER NOT NULL REFERENCES users(id), key_class INTEGER NOT NULL,"
                            + " key_type INTEGER NOT NULL, size_bytes INTEGER NOT NULL, label TEXT NOT NULL,"
                            + " key_id TEXT NOT NULL, flags BIGINT NOT NULL, kcv BYTEA, m_value INTEGER NOT NULL,"
                            + " origin_node INTEGER NOT NULL, created_at BIGINT NOT NULL, material BYTEA NOT NULL)",
                    "CREATE INDEX keys_label ON keys(label)",
                    "CREATE UNIQUE INDEX keys_id_class ON keys(key_id, key_class) WHERE key_id <> ''",
                    "CREATE INDEX keys_owner_seq ON keys(owner, seq)",
                    "CREATE INDEX keys_kcv ON keys(kcv)",
                    "CREATE TABLE key_shares (handle BIGINT NOT NULL REFERENCES keys(handle) ON DELETE CASCADE,"
                            + " user_id INTEGER NOT NULL, PRIMARY KEY (handle, user_id))",
                    "CREATE INDEX key_shares_user ON key_shares(user_id, handle)",
                    "CREATE TABLE key_copies (handle BIGINT NOT NULL REFERENCES keys(handle) ON DELETE CASCADE,"
                            + " node INTEGER NOT NULL, available_at BIGINT, PRIMARY KEY (handle, node))",
                    "CREATE INDEX key_copies_pending ON key_copies(node) WHERE available_at IS NULL",
                    "CREATE TABLE identities (name TEXT PRIMARY KEY, certificate BYTEA NOT NULL, private_key BYTEA)",
                    "CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, time BIGINT NOT NULL,"
                            + " node INTEGER NOT NULL, user_id INTEGER NOT NULL, user_name TEXT NOT NULL,"
                            + " command TEXT NOT NULL, arguments TEXT NOT NULL, result_code BIGINT NOT NULL,"
                            + " previous_hash BYTEA, hash BYTEA NOT NULL)",
                    "CREATE TABLE node_attestations (node INTEGER PRIMARY KEY, time BIGINT NOT NULL,"
                            + " passed BOOLEAN NOT NULL, reason TEXT NOT NULL, measured TEXT NOT NULL,"
                            + " expected TEXT NOT NULL, chains TEXT NOT NULL)"),
            // version 2: a key ID is a byte string (PKCS#11's CKA_ID: p11tool names keys with 20 random
            // bytes), which TEXT cannot hold (PostgreSQL refuses 0x00 in text); the store keeps the
            // ID's UTF-8 bytes (PostgresKeyId), so existing text IDs keep their meaning
            List.of(
                    "DROP INDEX keys_id_class",
                    "ALTER TABLE keys ALTER COLUMN key_id TYPE BYTEA USING convert_to(key_id, 'UTF8')",
                    "CREATE UNIQUE INDEX keys_id_class ON keys(key_id, key_class) WHERE key_id <> ''::bytea"),
            // version 3: listings of many keys are remembered while the keys are unchanged (store.ListingCache):
            // key_changes moves, in the same transaction, with every statement that changes keys, shares or
            // copies, by trigger (no write path can forget it; the function keeps the cluster's schema as
            // its search path whoever calls it); everyone's public keys get an index of their own
            List.of(
                    "ALTER TABLE cluster ADD COLUMN key_changes BIGINT NOT NULL DEFAULT 0",
                    "CREATE INDEX keys_public ON keys(seq) WHERE key_class = " + KeyClass.PUBLIC_KEY.code(),
                    "CREATE FUNCTION key_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT"
                            + " AS $$ BEGIN UPDATE cluster SET key_changes = key_changes + 1; RETURN NULL; END $$",
                    keyChangeTrigger("keys"),
                    keyChangeTrigger("key_shares"),
                    keyChangeTrigger("key_copies")),
            // version 4: remembered listings follow changes instead of being read again whole
            // (store.ListingCache): the counter's triggers also write the changed keys' handles to
            // key_change_log under the counter's new value, and trim it (store.KeyChangeLog); they read
            // the statement's rows from its transition tables, so they stay one call per statement
            migration4(),
            // version 5: a key has two quorum values, as in the SQLite
            // store's version 10; a key stored earlier keeps its m_value for both
            List.of(
                    "ALTER TABLE keys ADD COLUMN manage_m_value INTEGER NOT NULL DEFAULT 0",
                    "UPDATE keys SET manage_m_value = m_value"),
            // version 6: a statement that changed no rows changes nothing a listing shows, so its trigger
            // call neither moves key_changes nor touches the cluster row (a key made without shares ran
            // the key_shares trigger for nothing; a write that OptimisticBatch finds stale inserts no
            // rows and must not write, nor wait for, the row it found moved)
            List.of("CREATE OR REPLACE FUNCTION key_rows_changed() RETURNS trigger LANGUAGE plpgsql"
                    + " SET search_path FROM CURRENT AS $$" + keyRowsChanged(true)),
            // version 7: a key creation in one statement (OptimisticBatch) moves key_changes and writes its
            // log rows itself, once, and says so for its transaction (KEYS_LOGGED); the insert triggers then
            // stay out of it: two plpgsql calls, two more versions of the cluster row and a second log row
            // per key were a large part of the server's work for a key. Every other insert, update and
            // delete, whoever makes it, is logged by the triggers as before.
            migration7());

    /**
     * The transaction-local setting a statement that logged its own key insertions sets to {@code on}
     * ({@code set_config(…, true)}: it ends with the transaction), so that the insert triggers skip it.
     */
    static final String KEYS_LOGGED = "hsm.key_changes_logged";

    private static List<String> migration7() {
        List<String> sql = new java.util.ArrayList<>();
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            sql.add("DROP TRIGGER " + table + "_inserted ON " + table);
            sql.add(rowsTrigger(table, "INSERT", "inserted", "NEW TABLE AS new_rows",
                    " WHEN (current_setting('" + KEYS_LOGGED + "', true) IS DISTINCT FROM 'on')"));
        }
        return List.copyOf(sql);
    }

    private static List<String> migration4() {
        List<String> sql = new java.util.ArrayList<>(List.of(
                "CREATE TABLE key_change_log (seq BIGINT NOT NULL, handle BIGINT NOT NULL, copies_only INTEGER NOT NULL)",
                "CREATE INDEX key_change_log_seq ON key_change_log(seq)",
                // A cluster migrated now has no log of the changes before: listings read before it are read whole.
                "ALTER TABLE cluster ADD COLUMN key_log_floor BIGINT NOT NULL DEFAULT 0",
                "UPDATE cluster SET key_log_floor = key_changes"));
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            sql.add("DROP TRIGGER " + table + "_changes ON " + table);
        }
        sql.add("DROP FUNCTION key_changed()");
        sql.add("CREATE FUNCTION key_rows_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$"
                + keyRowsChanged(false));
        for (String table : List.of("keys", "key_shares", "key_copies")) {
            sql.add(rowsTrigger(table, "INSERT", "inserted", "NEW TABLE AS new_rows"));
            sql.add(rowsTrigger(table, "UPDATE", "updated", "OLD TABLE AS old_rows NEW TABLE AS new_rows"));
            sql.add(rowsTrigger(table, "DELETE", "deleted", "OLD TABLE AS old_rows"));
            sql.add("CREATE TRIGGER " + table + "_truncated AFTER TRUNCATE ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION key_rows_changed()");
        }
        return List.copyOf(sql);
    }

    /**
     * The body of the triggers' function (after {@code AS $$}): moves key_changes and logs the changed
     * handles under its new value, trimming the log. {@code skipEmpty}: not when the statement changed
     * no rows (schema 6; each transition table is named only in its own branch, as plpgsql plans a
     * query naming one a trigger lacks only when it runs it).
     */
    private static String keyRowsChanged(boolean skipEmpty) {
        int kept = KeyChangeLog.KEPT;
        return " DECLARE counter BIGINT; floor_now BIGINT; copies INTEGER := (TG_TABLE_NAME = 'key_copies')::int;"
                + " BEGIN"
                + (skipEmpty ? " IF TG_OP = 'DELETE' THEN IF NOT EXISTS (SELECT FROM old_rows) THEN RETURN NULL; END IF;"
                        + " ELSIF TG_OP <> 'TRUNCATE' THEN IF NOT EXISTS (SELECT FROM new_rows) THEN RETURN NULL; END IF;"
                        + " END IF;" : "")
                + " UPDATE cluster SET key_changes = key_changes + 1 RETURNING key_changes, key_log_floor"
                + " INTO counter, floor_now;"
                + " IF TG_OP = 'TRUNCATE' THEN"
                // no rows to name: the log answers for nothing before this change
                + " UPDATE cluster SET key_log_floor = counter; DELETE FROM key_change_log; RETURN NULL;"
                + " ELSIF TG_OP = 'INSERT' THEN"
                + " INSERT INTO key_change_log SELECT DISTINCT counter, handle, copies FROM new_rows;"
                + " ELSIF TG_OP = 'DELETE' THEN"
                + " INSERT INTO key_change_log SELECT DISTINCT counter, handle, copies FROM old_rows;"
                + " ELSE"
                + " INSERT INTO key_change_log SELECT counter, handle, copies FROM"
                + " (SELECT handle FROM new_rows UNION SELECT handle FROM old_rows) r;"
                + " END IF;"
                + " IF counter > floor_now + " + 2 * kept + " THEN"
                + " UPDATE cluster SET key_log_floor = counter - " + kept + ";"
                + " DELETE FROM key_change_log WHERE seq <= counter - " + kept + ";"
                + " END IF;"
                + " RETURN NULL; END $$";
    }

    private static String rowsTrigger(String table, String event, String done, String transitionTables) {
        return rowsTrigger(table, event, done, transitionTables, "");
    }

    private static String rowsTrigger(String table, String event, String done, String transitionTables, String when) {
        return "CREATE TRIGGER " + table + "_" + done + " AFTER " + event + " ON " + table + " REFERENCING "
                + transitionTables + " FOR EACH STATEMENT" + when + " EXECUTE FUNCTION key_rows_changed()";
    }

    private static String keyChangeTrigger(String table) {
        return "CREATE TRIGGER " + table + "_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + table
                + " FOR EACH STATEMENT EXECUTE FUNCTION key_changed()";
    }

    private PostgresSchema() {
    }

    /** PostgreSQL's longest identifier, in bytes (cluster names are ASCII). */
    static final int MAX_IDENTIFIER = 63;

    /**
     * The PostgreSQL schema of a cluster: its exact name behind a prefix (quoted wherever used, so
     * case and dots are kept and no name can be a system schema such as {@code public}). Null when the
     * name is too long for an identifier.
     */
    static String schemaName(String clusterName) {
        String schema = PREFIX + clusterName;
        return schema.length() > MAX_IDENTIFIER ? null : schema;
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static int currentVersion() {
        return MIGRATIONS.size();
    }

    /** Creates the schema and its tables inside the caller's transaction (DDL is transactional here). */
    static void create(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + quoted(schema));
            st.execute("SET LOCAL search_path TO " + quoted(schema));
            for (List<String> migration : MIGRATIONS) {
                for (String sql : migration) {
                    st.execute(sql);
                }
            }
            st.execute("UPDATE schema_version SET version = " + currentVersion());
        }
    }

    /**
     * Takes an existing cluster schema of an older version to the current one, in one transaction under
     * a lock on its version row, so two machines opening it at once run each migration once; a failure
     * leaves it as it was.
     */
    static void upgrade(Connection c, String schema) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL search_path TO " + quoted(schema));
            st.execute("LOCK TABLE schema_version IN ACCESS EXCLUSIVE MODE");
            int from;
            try (ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
                from = rs.next() ? rs.getInt(1) : currentVersion();
            }
            for (int v = from; v < currentVersion(); v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
            }
            st.execute("UPDATE schema_version SET version = " + Math.max(from, currentVersion()));
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The version of an existing cluster schema; -1 when the schema is missing or is not one of ours. */
    static int version(Connection c, String schema) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = 'schema_version'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + quoted(schema) + ".schema_version")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
