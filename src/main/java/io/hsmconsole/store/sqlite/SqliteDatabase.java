package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.OpenedFiles;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.store.sealing.MasterKeyFile;
import io.hsmconsole.store.sealing.MaterialCipher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The one connection of this process to {@code cluster.db}, shared by the reads and the writer: its
 * prepared statements, the cipher that seals key material, and what is known of damage. Every use
 * holds this object's monitor, so the connection serves one caller at a time.
 */
final class SqliteDatabase {
    private final Path file;
    private final Connection connection;
    private final MaterialCipher cipher;
    private final SqliteRows rows;
    private final StoreDamage damage;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final OpenedFiles opened;
    private long localCommits;

    SqliteDatabase(Path file, Connection connection, MaterialCipher cipher, StoreDamage damage) {
        this.file = file;
        this.opened = OpenedFiles.of(file.getParent(), file.resolveSibling(MasterKeyFile.FILE_NAME), file);
        this.connection = connection;
        this.cipher = cipher;
        this.rows = new SqliteRows(file, cipher);
        this.damage = damage;
    }

    Path path() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    MaterialCipher cipher() {
        return cipher;
    }

    SqliteRows rows() {
        return rows;
    }

    StoreDamage damage() {
        return damage;
    }

    /** A statement prepared once per connection and reused (its parameters cleared). */
    synchronized PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** A read outside a write transaction; a failure becomes "cannot read the cluster store". */
    synchronized <T> T query(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw damage.failure("cannot read the cluster store", e);
        }
    }

    /** The exception for a statement that failed (a corruption marks the store damaged). */
    StoreException failure(String what, SQLException e) {
        return damage.failure(what, e);
    }

    /**
     * Whether {@code cluster.db}, {@code master.key} and their folder are still those this connection
     * opened ({@link OpenedFiles}): a cluster deleted and made anew, or imported, under the same name is
     * a new file, which SQLite would not see (it goes on reading the old, unlinked one).
     */
    boolean isCurrent() {
        return opened.unchanged();
    }

    /** Commits made through this connection, which SQLite's {@code data_version} does not count. */
    synchronized long localCommits() {
        return localCommits;
    }

    synchronized void committed() {
        localCommits++;
    }

    synchronized void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    synchronized void close() {
        statements.values().forEach(SqliteDatabase::closeQuietly);
        statements.clear();
        closeQuietly(connection);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing is best effort; nothing is left to save.
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
