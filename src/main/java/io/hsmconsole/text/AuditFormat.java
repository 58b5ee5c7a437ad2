package io.hsmconsole.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.store.AuditRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log as text for other tools: CSV (RFC 4180 quoting, a header line, {@code \n} line ends)
 * or JSON Lines (one object per record). Both carry the same fields: seq, time (ISO-8601 UTC), node,
 * user_id, user, command, arguments, result (0x..), result_text, previous_hash and hash (hex), so a
 * reader can re-check the chain. The one format of both exports: {@code key_mgmt_util audit
 * print|export} and the console's audit window.
 */
public enum AuditFormat {
    CSV, JSONL;

    private static final List<String> FIELDS = List.of("seq", "time", "node", "user_id", "user", "command", "arguments",
            "result", "result_text", "previous_hash", "hash");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file name extension: {@code csv} or {@code jsonl}. */
    public String extension() {
        return this == CSV ? "csv" : "jsonl";
    }

    /** {@code csv} or {@code jsonl}; empty for anything else. */
    public static Optional<AuditFormat> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "jsonl" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    /** The format a file name suggests: JSON Lines for {@code .jsonl}/{@code .json}, else CSV. */
    public static AuditFormat forFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".json") ? JSONL : CSV;
    }

    /** The header line, if the format has one. */
    public String header() {
        return this == CSV ? String.join(",", FIELDS) + "\n" : "";
    }

    /** The header and one line per record; returns how many records were written. */
    public long write(Iterable<AuditRecord> records, Appendable target) throws IOException {
        target.append(header());
        long count = 0;
        for (AuditRecord r : records) {
            target.append(line(r));
            count++;
        }
        return count;
    }

    /** One record, with its line end. */
    public String line(AuditRecord r) {
        Map<String, Object> row = row(r);
        if (this == JSONL) {
            try {
                return JSON.writeValueAsString(row) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder b = new StringBuilder();
        for (Object value : row.values()) {
            b.append(b.length() == 0 ? "" : ",").append(csv(String.valueOf(value)));
        }
        return b.append('\n').toString();
    }

    private static Map<String, Object> row(AuditRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", r.seq());
        row.put("time", Instant.ofEpochMilli(r.timeMillis()).toString());
        row.put("node", r.nodeId());
        row.put("user_id", r.userId());
        row.put("user", r.userName());
        row.put("command", r.command());
        row.put("arguments", r.arguments());
        row.put("result", String.format("0x%02x", r.resultCode()));
        row.put("result_text", ReturnCode.fromCode(r.resultCode()).map(ReturnCode::text).orElse(""));
        row.put("previous_hash", r.previousHash() == null ? "" : HexFormat.of().formatHex(r.previousHash()));
        row.put("hash", HexFormat.of().formatHex(r.hash()));
        return row;
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
