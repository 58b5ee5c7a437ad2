package io.hsmconsole.text.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CloudHSM CLI's answer envelope, {@code {"error_code": 0, "data": …}}, written the way the
 * tool (a Rust program, serde_json's pretty printer) writes it on the AWS pages: two-space
 * indentation, {@code "name": value}, one array element per line, {@code []} and {@code {}} when
 * empty. Built with Jackson, so every string is escaped as JSON requires.
 */
public final class CliJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(printer());

    private CliJson() {
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code {"error_code": 0, "data": data}}: a command that succeeded. */
    public static String success(JsonNode data) {
        return envelope(0, data);
    }

    /** {@code {"error_code": 0, "data": "message"}}: a success the tool reports in words (logout). */
    public static String success(String message) {
        return envelope(0, MAPPER.getNodeFactory().textNode(message));
    }

    /** {@code {"error_code": 1, "data": "message"}}: a command the cluster or the tool refused. */
    public static String error(String message) {
        return envelope(1, MAPPER.getNodeFactory().textNode(message));
    }

    /** {@code {"error_code": 0, "data": {"message": "…"}}}: the key commands' success words. */
    public static String message(String message) {
        ObjectNode data = object();
        data.put("message", message);
        return success(data);
    }

    /** Any JSON document written the tool's way (the token files). */
    public static String pretty(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static String envelope(int code, JsonNode data) {
        ObjectNode root = object();
        root.put("error_code", code);
        root.set("data", data);
        try {
            return WRITER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
