package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.ClusterRecord;
import io.hsmconsole.store.ClusterStore.Work;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.OwnedPaths;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.sealing.MasterKeyFile;
import io.hsmconsole.store.sealing.MaterialCipher;
import org.sqlite.SQLiteConfig.Pragma;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Opening and creating {@code cluster.db} in its folder: the ownership and header checks that come
 * before SQLite touches a file, the connection settings, the schema migration, and the master key
 * check. A damaged, foreign or newer file is reported and never modified; a failed create leaves
 * nothing behind.
 */
final class ClusterDbFiles {
    static final String DB_FILE = "cluster.db";
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private ClusterDbFiles() {
    }

    /** True when the folder holds a cluster store (it may still turn out to be damaged). */
    static boolean exists(Path clusterDir) {
        return Files.exists(clusterDir.resolve(DB_FILE));
    }

    /** Opens an existing store; a damaged, foreign or newer file is reported and never modified. */
    static SqliteClusterStore open(Path clusterDir, SecureRandom random) {
        Path file = clusterDir.resolve(DB_FILE);
        requireOwnedFolder(clusterDir);
        StoreFileCheck.checkHeader(file);
        requirePrivateMasterKey(clusterDir);
        byte[] masterKey = MasterKeyFile.load(clusterDir);
        if (!Files.isWritable(clusterDir) || !Files.isWritable(file)) {
            throw new StoreException(file, "the cluster store is read-only: its folder " + clusterDir
                    + " is not writable by this user, and SQLite must write cluster.db-wal and cluster.db-shm beside it"
                    + "; copy the folder somewhere writable or fix its permissions. It was left untouched");
        }
        Connection c = connect(file);
        try {
            checkIdentity(file, c);
            configure(c);
            migrateIfOld(file, c);
            SqliteDatabase db = new SqliteDatabase(file, c, new MaterialCipher(masterKey, random),
                    StoreDamage.atOpen(file, c));
            checkMasterKey(clusterDir, db);
            return new SqliteClusterStore(db);
        } catch (SQLException e) {
            SqliteDatabase.closeQuietly(c);
            throw new StoreException(file, "cannot open the cluster store", e);
        } catch (RuntimeException e) {
            SqliteDatabase.closeQuietly(c);
            throw e;
        }
    }

    /**
     * Creates a new store in an empty folder. The database is built under a temporary name and
     * renamed only when complete, so a failure never leaves a half-made cluster behind.
     */
    static SqliteClusterStore create(Path clusterDir, ClusterRecord cluster, List<NodeRecord> nodes,
                                            Work<?> seed, SecureRandom random) {
        Path file = clusterDir.resolve(DB_FILE);
        if (Files.exists(file)) {
            throw new StoreException(file, "a cluster store already exists here; it was left untouched");
        }
        Path tmp = clusterDir.resolve(DB_FILE + ".creating");
        requireOwnedFolder(clusterDir);
        boolean madeFolder = !Files.isDirectory(clusterDir);
        try {
            OwnerOnly.createDirectories(clusterDir);
        } catch (IOException e) {
            throw new StoreException(file, "cannot create the cluster store", e);
        }
        // Again once it exists: another user may have made the folder between the check and ours.
        requireOwnedFolder(clusterDir);
        try {
            Files.deleteIfExists(tmp);
            byte[] masterKey = MasterKeyFile.create(clusterDir, random);
            Connection c = connect(tmp);
            OwnerOnly.restrictFile(tmp);
            SqliteDatabase building = new SqliteDatabase(tmp, c, new MaterialCipher(masterKey, random),
                    StoreDamage.atOpen(tmp, c));
            SqliteTransaction tx = new SqliteTransaction(building, new SqliteReads(building));
            try (Statement st = c.createStatement()) {
                // The file is built in rollback-journal mode and switched to WAL after the rename.
                st.execute("PRAGMA foreign_keys = ON");
                c.setAutoCommit(false);
                Schema.migrate(c, 0);
                tx.insertCluster(cluster);
                for (NodeRecord n : nodes) {
                    tx.upsertNode(n);
                }
                seed.run(tx);
                c.commit();
            } finally {
                SqliteDatabase.closeQuietly(c);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            undoCreate(clusterDir, tmp, madeFolder);
            throw new StoreException(file, "cannot create the cluster store", e);
        } catch (RuntimeException e) {
            undoCreate(clusterDir, tmp, madeFolder);
            throw e;
        }
        return open(clusterDir, random);
    }

    /**
     * The cluster folder and all in it must be ours ({@link OwnedPaths}): another user's folder or file
     * would let them read the master key or plant a file we then write secrets into. The folder is then
     * 0700, so nobody else can add anything to it.
     */
    private static void requireOwnedFolder(Path clusterDir) {
        OwnedPaths.requireOwnFolder(clusterDir);
        OwnedPaths.requireOwnEntries(clusterDir);
    }

    /** Checked after the store's header, so a damaged store is reported as that first. */
    private static void requirePrivateMasterKey(Path clusterDir) {
        OwnedPaths.requirePrivateFile(clusterDir.resolve(MasterKeyFile.FILE_NAME), "the cluster master key");
    }

    /**
     * Opens one sealed value, if the store has any, so that a master.key of another cluster is
     * refused at open instead of failing later on the first key read.
     */
    private static void checkMasterKey(Path clusterDir, SqliteDatabase db) throws SQLException {
        try (ResultSet rs = db.prepared("SELECT name, private_key FROM identities WHERE private_key IS NOT NULL LIMIT 1")
                .executeQuery()) {
            if (rs.next()) {
                try {
                    db.cipher().decrypt(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8), rs.getBytes(2));
                    return;
                } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
                    db.close();
                    throw new StoreException(clusterDir.resolve(MasterKeyFile.FILE_NAME),
                            "this master.key does not belong to the cluster store beside it; nothing was changed");
                }
            }
        }
        try (ResultSet rs = db.prepared("SELECT handle, material FROM keys LIMIT 1").executeQuery()) {
            if (rs.next()) {
                try {
                    db.cipher().decrypt(rs.getLong(1), rs.getBytes(2));
                } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
                    db.close();
                    throw new StoreException(clusterDir.resolve(MasterKeyFile.FILE_NAME),
                            "this master.key does not belong to the cluster store beside it; nothing was changed");
                }
            }
        }
    }

    /**
     * Opens the store through JDBC's public entry point. (Issue 8 opened the driver's internal
     * {@code JDBC4Connection} directly to skip {@code DriverManager}'s driver scan; measured again for
     * issue 14, that saved 1 % of a call's CPU, below the noise — docs/performance.md, "Start-up fast
     * path" — so the driver is used as documented.) Settings: busy timeout, IMMEDIATE write
     * transactions, no generated-keys query.
     */
    static Connection connect(Path file) {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file, connectionProperties());
        } catch (SQLException e) {
            throw new StoreException(file, "cannot open the cluster store", e);
        }
    }

    private static Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty(Pragma.BUSY_TIMEOUT.getPragmaName(), Integer.toString(BUSY_TIMEOUT_MS));
        p.setProperty(Pragma.TRANSACTION_MODE.getPragmaName(), SQLiteConfig.TransactionMode.IMMEDIATE.getValue());
        // The store never asks for generated keys; without this the driver runs an extra
        // SELECT last_insert_rowid() after every INSERT.
        p.setProperty(Pragma.JDBC_GET_GENERATED_KEYS.getPragmaName(), "false");
        return p;
    }

    private static void checkIdentity(Path file, Connection c) throws SQLException {
        int appId = pragmaInt(c, "application_id");
        int version = pragmaInt(c, "user_version");
        if (appId != Schema.APPLICATION_ID) {
            throw StoreFileCheck.notOurs(file, "it is an SQLite database of another program (application id 0x"
                    + Integer.toHexString(appId) + ")");
        }
        if (version > Schema.currentVersion()) {
            throw new StoreException(file, "this cluster store was written by a newer HSM Key Console (schema "
                    + version + "; this version reads up to schema " + Schema.currentVersion()
                    + "); upgrade the application. The file was left untouched");
        }
    }

    private static void configure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = FULL");
            st.execute("PRAGMA foreign_keys = ON");
            // Checks each page's cells as it is read: a corrupt page is found (SQLITE_CORRUPT) before a
            // write builds on it, so damage does not spread.
            st.execute("PRAGMA cell_size_check = ON");
        }
    }

    private static void migrateIfOld(Path file, Connection c) throws SQLException {
        int version = pragmaInt(c, "user_version");
        if (version == Schema.currentVersion()) {
            return;
        }
        c.setAutoCommit(false);
        try {
            Schema.migrate(c, version);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migrating " + file + " from schema " + version + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Removes what a failed {@link #create} made: the half-built file and its journal, the master key,
     * and the cluster's folder when this call made it (only if it is empty: nothing of anyone else's
     * is removed). A failed create thus leaves no cluster name taken.
     */
    private static void undoCreate(Path clusterDir, Path tmp, boolean madeFolder) {
        deleteQuietly(tmp);
        deleteQuietly(tmp.resolveSibling(tmp.getFileName() + "-journal"));
        deleteQuietly(clusterDir.resolve(MasterKeyFile.FILE_NAME));
        if (madeFolder) {
            deleteQuietly(clusterDir);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort cleanup of a temporary file.
        }
    }
}
