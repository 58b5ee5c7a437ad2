package io.hsmconsole.controller;

import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.text.AuditFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the audit records the window shows to a file in an {@link AuditFormat} (the command line's
 * format, so both exports read alike), whole and owner-only like every file the product writes
 * ({@link OwnerOnly#writeWhole}): a reader never sees half a file and a failure leaves the old file.
 */
public final class AuditExport {
    /** How an export went: how many records went to which file, or why nothing was written. */
    public record Outcome(Path file, int written, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private AuditExport() {
    }

    /**
     * Writes the rows and says how it went; an I/O problem becomes a sentence naming the file and
     * the cause (no half-written file is left behind).
     */
    public static Outcome export(List<AuditRow> rows, Path file, AuditFormat format) {
        try {
            return new Outcome(file, write(rows, file, format), null);
        } catch (java.nio.file.AccessDeniedException e) {
            return new Outcome(file, 0, "permission denied: cannot write in " + folder(file));
        } catch (java.nio.file.NoSuchFileException e) {
            return new Outcome(file, 0, "the folder " + folder(file) + " does not exist");
        } catch (IOException e) {
            return new Outcome(file, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Path folder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file : parent;
    }

    /**
     * Writes the rows to {@code file} whole and owner-only ({@link OwnerOnly#writeWhole}); returns how
     * many were written.
     */
    public static int write(List<AuditRow> rows, Path file, AuditFormat format) throws IOException {
        OwnerOnly.writeWholeText(file.toAbsolutePath(),
                out -> format.write(rows.stream().map(AuditRow::record).toList(), out));
        return rows.size();
    }
}
