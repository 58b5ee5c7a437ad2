package io.hsmconsole.controller;

import io.hsmconsole.text.AuditFormat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the audit records the window shows to a file in an {@link AuditFormat} (the command line's
 * format, so both exports read alike). The file is written next to its destination under a
 * temporary name and renamed into place, so a reader never sees half a file and a failure leaves
 * the old file.
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

    /** Writes the rows to {@code file} atomically; returns how many were written. */
    public static int write(List<AuditRow> rows, Path file, AuditFormat format) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".part");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                format.write(rows.stream().map(AuditRow::record).toList(), out);
            }
            move(temp, target);
            return rows.size();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
