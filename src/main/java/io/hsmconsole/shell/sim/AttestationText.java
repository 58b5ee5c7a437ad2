package io.hsmconsole.shell.sim;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.CertificateSummary;

import java.io.PrintWriter;
import java.util.List;

/**
 * A node's attestation verdict with its details: why it failed, the firmware measurement it signed
 * against the known-good one, and both certificate chains its HSM certificate was checked along.
 */
final class AttestationText {
    private AttestationText() {
    }

    static void print(AttestationReport r, PrintWriter out) {
        out.printf("%n\tAttestation of node %d: [%s]%s%n", r.nodeId(), r.passed() ? "PASS" : "FAIL",
                r.passed() ? "" : " " + r.reason());
        out.printf("\tMeasured firmware  : %s%n", r.measuredHex());
        out.printf("\tExpected firmware  : %s%n", r.expectedHex());
        chain("Manufacturer chain", r.manufacturerChain(), out);
        chain("Operator chain    ", r.operatorChain(), out);
    }

    private static void chain(String title, List<CertificateSummary> chain, PrintWriter out) {
        String indent = "\t" + title + " : ";
        for (CertificateSummary c : chain) {
            out.printf("%s%s (issued by %s)%n", indent, c.subject(), c.issuer());
            indent = "\t" + " ".repeat(title.length()) + "   ";
        }
        if (chain.isEmpty()) {
            out.printf("%s(not checked)%n", indent);
        }
    }
}
