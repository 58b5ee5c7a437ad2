package io.hsmconsole.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.store.OwnerOnly;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes audit records as CSV (RFC 4180, a header line, CRLF line ends) or as JSON Lines (one
 * Jackson-written object per line), whole and owner-only like every file the product writes
 * ({@link OwnerOnly#writeWhole}): a reader never sees half a file and a failure leaves the old file.
 * Times are ISO-8601 instants in UTC, so exports from different machines compare.
 */
public final class AuditExport {
    /** The two formats the console offers. */
    public enum Format {
        CSV("csv"), JSON_LINES("jsonl");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** How an export went: how many records went to which file, or why nothing was written. */
    public record Outcome(Path file, int written, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    static final List<String> COLUMNS = List.of("seq", "time", "node", "user_id", "user", "command", "arguments",
            "result_code", "result_text");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {
    }

    /**
     * Writes the rows and says how it went; an I/O problem becomes a sentence naming the file and
     * the cause (no half-written file is left behind).
     */
    public static Outcome export(List<AuditRow> rows, Path file, Format format) {
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
    public static int write(List<AuditRow> rows, Path file, Format format) throws IOException {
        OwnerOnly.writeWholeText(file.toAbsolutePath(), out -> {
            if (format == Format.CSV) {
                writeCsv(rows, out);
            } else {
                writeJsonLines(rows, out);
            }
        });
        return rows.size();
    }

    static void writeCsv(List<AuditRow> rows, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        for (AuditRow r : rows) {
            List<String> fields = List.of(Long.toString(r.seq()), time(r), Integer.toString(r.nodeId()),
                    Integer.toString(r.userId()), r.userName(), r.command(), r.arguments(), r.resultCodeHex(),
                    r.resultText());
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(csvField(fields.get(i)));
            }
            out.write("\r\n");
        }
    }

    /** A field quoted when it holds a comma, a quote or a line break; quotes inside are doubled. */
    static String csvField(String value) {
        if (value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static void writeJsonLines(List<AuditRow> rows, Writer out) throws IOException {
        for (AuditRow r : rows) {
            out.write(JSON.writeValueAsString(jsonObject(r))); // Jackson escapes line breaks inside strings
            out.write('\n');
        }
    }

    private static Map<String, Object> jsonObject(AuditRow r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("seq", r.seq());
        o.put("time", time(r));
        o.put("node", r.nodeId());
        o.put("user_id", r.userId());
        o.put("user", r.userName());
        o.put("command", r.command());
        o.put("arguments", r.arguments());
        o.put("result_code", r.resultCodeHex());
        o.put("result_text", r.resultText());
        return o;
    }

    private static String time(AuditRow r) {
        return Instant.ofEpochMilli(r.timeMillis()).toString();
    }
}
