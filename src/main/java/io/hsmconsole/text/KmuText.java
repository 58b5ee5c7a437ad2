package io.hsmconsole.text;

import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of key_mgmt_util's output (kmu-reference §0) that more than one screen quotes: the
 * prompt, a return code, the {@code returned:} line and the {@code Cluster Error Status} block.
 * {@link KmuPrinter} writes whole command outputs from them.
 */
public final class KmuText {
    /** The interactive prompt; the typed line follows it, as a terminal echoes it. */
    public static final String PROMPT = "\nCommand: ";
    /** A command that met a store fault in a session, in either shell (simulator only: the store's reason, one line). */
    public static final String STORE_FAULT = "%n\tError: %s%n";

    private KmuText() {
    }

    /** {@code 0x00}, {@code 0xa8}, {@code 0x40000008}: as KMU prints a return code. */
    public static String code(ReturnCode code) {
        return hex(code.code());
    }

    /** KMU's {@code 0x%02x}. */
    public static String hex(long code) {
        return String.format("0x%02x", code);
    }

    /** {@code Cfm3GenerateSymmetricKey returned: 0x00 : HSM Return: SUCCESS}. */
    public static String returnedLine(String call, ReturnCode code) {
        return call + " returned: " + code(code) + " : " + code.text();
    }

    /** {@code Node id 0 and err state 0x00000000 : HSM Return: SUCCESS}. */
    public static String nodeLine(NodeResult node) {
        return String.format("Node id %d and err state 0x%08x : %s", node.nodeId(), node.code().code(),
                node.code().text());
    }

    /** The {@code Cluster Error Status} block as lines (no indent), or nothing when no node answered. */
    public static List<String> clusterBlock(List<NodeResult> nodes) {
        List<String> lines = new ArrayList<>();
        if (!nodes.isEmpty()) {
            lines.add("Cluster Error Status");
            nodes.forEach(n -> lines.add(nodeLine(n)));
        }
        return lines;
    }

    /**
     * Printed KMU output for a window that shows it on its own (the key form's result): without the
     * blank line that follows the command line and without the one tab every line is indented by.
     */
    public static String unindented(String printed) {
        String text = printed.startsWith("\n") ? printed.substring(1) : printed;
        return text.stripTrailing().lines().map(l -> l.startsWith("\t") ? l.substring(1) : l)
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
