package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;

import java.io.PrintWriter;
import java.util.List;

/**
 * KMU's output in the AWS-doc dialect: the one-line result ({@code Cfm3X returned: 0x00 : HSM
 * Return: SUCCESS}) and the {@code Cluster Error Status} block, tab-indented as the tool prints them.
 */
final class KmuPrinter {
    private final PrintWriter out;

    KmuPrinter(PrintWriter out) {
        this.out = out;
    }

    PrintWriter out() {
        return out;
    }

    /** {@code 0x00}, {@code 0xa8}, {@code 0x30000085}: KMU's {@code 0x%02x}. */
    static String hex(long code) {
        return String.format("0x%02x", code);
    }

    void result(String call, ReturnCode code) {
        out.printf("%n\t%s returned: %s : %s%n", call, hex(code.code()), code.text());
    }

    /** The per-node block; nothing when no node was asked (a refusal before the HSM). */
    void clusterBlock(List<NodeResult> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        out.printf("%n\tCluster Error Status%n");
        for (NodeResult n : nodes) {
            out.printf("\tNode id %d and err state 0x%08x : %s%n", n.nodeId(), n.code().code(), n.code().text());
        }
    }

    /** The usual shape: result line, then the cluster block. */
    void resultAndBlock(String call, HsmResult<?> result) {
        result(call, result.code());
        clusterBlock(result.nodes());
    }

    /** A client-side error line, as the tool prints it before falling back to the help text. */
    void error(String message) {
        out.printf("%n\t%s%n", message);
    }

    /** {@code Attestation Check : [PASS]} or {@code [FAIL]} with the reason, when -attest was given. */
    void attestation(java.util.Optional<io.hsmconsole.hsm.attest.AttestationReport> report) {
        report.ifPresent(r -> line("Attestation Check : [" + (r.passed() ? "PASS" : "FAIL") + "]"
                + (r.passed() ? "" : " " + r.reason())));
    }

    void line(String text) {
        out.printf("%n\t%s%n", text);
    }
}
