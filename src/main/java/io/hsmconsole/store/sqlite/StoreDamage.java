package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a store is known to be damaged, so that nothing more is written to it. A full
 * {@code PRAGMA quick_check} reads every page (0.3-0.5 s at 100,000 keys on a busy 2-core machine,
 * as long as the whole CLI call), too slow for every open. So damage is found where SQLite meets it:
 * the first statement that reads a corrupt page fails with SQLITE_CORRUPT (SQLITE_NOTADB), and from
 * then on this process writes nothing to the store. It also leaves a note beside the store,
 * {@code cluster.db.damaged}: every later open sees it and pays for the quick check, which keeps the
 * store read-only while it still finds damage and removes the note once the store is sound again
 * (restored from a backup, say).
 */
final class StoreDamage {
    private final Path file;
    private volatile String finding;

    private StoreDamage(Path file, String finding) {
        this.file = file;
        this.finding = finding;
    }

    /** At open: a store noted as damaged is checked again (and the note dropped when it is sound). */
    static StoreDamage atOpen(Path file, Connection c) throws SQLException {
        Path note = noteOf(file);
        if (!Files.exists(note)) {
            return new StoreDamage(file, null);
        }
        String problem = quickCheck(c);
        if (problem == null) {
            try {
                Files.deleteIfExists(note);
            } catch (IOException e) {
                // The note stays: the next open checks again, which costs time but is safe.
            }
        }
        return new StoreDamage(file, problem);
    }

    static boolean isCorruption(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            int primary = code == null ? -1 : code.code & 0xff;
            return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
        }
        return false;
    }

    /**
     * The exception for a failed statement: a corruption marks the store damaged (and is said so);
     * anything else is reported as {@code what}.
     */
    StoreException failure(String what, SQLException e) {
        if (!isCorruption(e)) {
            return new StoreException(file, what, e);
        }
        if (finding == null) {
            finding = e.getMessage();
            leaveNote();
        }
        return new StoreException(file, "the cluster store is damaged (SQLite found a corrupt page); nothing more is"
                + " written to it: restore it from a backup. " + what, e);
    }

    /** Before any write: a damaged store is refused, with nothing written. */
    void refuseWriteIfDamaged() {
        if (finding != null) {
            throw new StoreException(file, "the cluster store is damaged (" + finding + "); nothing was written to it,"
                    + " and nothing will be (not even a login's attempt count) until it is restored from a backup");
        }
    }

    private void leaveNote() {
        try {
            OwnerOnly.writeWhole(noteOf(file), ("SQLite found a corrupt page: " + finding + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // This process refuses to write anyway; only later processes lose the warning.
        }
    }

    private static Path noteOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".damaged");
    }

    /** Null when SQLite's quick check finds the store sound, else its first finding. */
    private static String quickCheck(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
            String result = rs.next() ? rs.getString(1) : "no answer from quick_check";
            return "ok".equals(result) ? null : result;
        } catch (SQLException e) {
            if (isCorruption(e)) {
                return e.getMessage();
            }
            throw e;
        }
    }
}
