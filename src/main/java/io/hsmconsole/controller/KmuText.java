package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GeneratedKey;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines key_mgmt_util prints around a result (kmu-reference §0): the {@code returned:} line,
 * and the {@code Cluster Error Status} block with one line per node. The console shows them
 * after every action so that the GUI teaches the command line.
 *
 * <p>Interim home: the key_mgmt_util shell (branch {@code shells}) owns this format once it lands.
 */
public final class KmuText {
    private KmuText() {
    }

    /** {@code 0x00}, {@code 0xa8}, {@code 0x40000008}: as KMU prints a return code. */
    public static String code(ReturnCode code) {
        return String.format("0x%02x", code.code());
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

    /** The result line and the cluster block, a blank line between them. */
    public static List<String> resultLines(String call, HsmResult<?> result) {
        List<String> lines = new ArrayList<>();
        lines.add(returnedLine(call, result.code()));
        if (!result.nodes().isEmpty()) {
            lines.add("");
            lines.addAll(clusterBlock(result.nodes()));
        }
        return lines;
    }

    /**
     * What genSymKey prints: the result line, the new handle (or that it was rolled back), the
     * attestation verdict when {@code -attest} was given, then the cluster block.
     */
    public static List<String> createdKeyLines(HsmResult<GeneratedKey> result, String rolledBackLine) {
        List<String> lines = new ArrayList<>();
        lines.add(returnedLine("Cfm3GenerateSymmetricKey", result.code()));
        GeneratedKey key = result.value();
        if (key != null) {
            lines.add("");
            lines.add(key.rolledBack() ? rolledBackLine : "Symmetric Key Created.  Key Handle: " + key.handle());
        }
        result.attestationReport().ifPresent(r -> {
            lines.add("");
            lines.add("Attestation Check : [" + (r.passed() ? "PASS" : "FAIL") + "]" + (r.passed() ? "" : " " + r.reason()));
        });
        if (!result.nodes().isEmpty()) {
            lines.add("");
            lines.addAll(clusterBlock(result.nodes()));
        }
        return lines;
    }

    /** The {@code Cluster Error Status} block, or nothing when no node answered. */
    public static List<String> clusterBlock(List<NodeResult> nodes) {
        List<String> lines = new ArrayList<>();
        if (!nodes.isEmpty()) {
            lines.add("Cluster Error Status");
            nodes.forEach(n -> lines.add(nodeLine(n)));
        }
        return lines;
    }
}
