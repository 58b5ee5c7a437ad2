package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.attest.AttestationReport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

/**
 * KMU's output in the AWS-doc dialect: the one-line result ({@code Cfm3X returned: 0x00 : HSM
 * Return: SUCCESS}) and the {@code Cluster Error Status} block, tab-indented as the tool prints them.
 * The shell prints to its console; the windows print to {@link #capturing()} and show the text in
 * the console pane, so both write the same bytes.
 */
public final class KmuPrinter {
    private final PrintWriter out;
    private final StringWriter captured;

    public KmuPrinter(PrintWriter out) {
        this(out, null);
    }

    private KmuPrinter(PrintWriter out, StringWriter captured) {
        this.out = out;
        this.captured = captured;
    }

    /** A printer that keeps what it printed, for {@link #printed()}. */
    public static KmuPrinter capturing() {
        StringWriter text = new StringWriter();
        return new KmuPrinter(new PrintWriter(text), text);
    }

    /** Everything printed so far (a {@link #capturing()} printer only). */
    public String printed() {
        if (captured == null) {
            throw new IllegalStateException("this printer writes to a console");
        }
        out.flush();
        return captured.toString();
    }

    public PrintWriter out() {
        return out;
    }

    public void result(String call, ReturnCode code) {
        line(KmuText.returnedLine(call, code));
    }

    /** The per-node block; nothing when no node was asked (a refusal before the HSM). */
    public void clusterBlock(List<NodeResult> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        out.println();
        KmuText.clusterBlock(nodes).forEach(l -> out.printf("\t%s%n", l));
    }

    /** The usual shape: result line, then the cluster block. */
    public void resultAndBlock(String call, HsmResult<?> result) {
        result(call, result.code());
        clusterBlock(result.nodes());
    }

    /** A client-side error line, as the tool prints it before falling back to the help text. */
    public void error(String message) {
        line(message);
    }

    /** {@code Attestation Check : [PASS]} or {@code [FAIL]} with the reason, when -attest was given. */
    public void attestation(Optional<AttestationReport> report) {
        report.ifPresent(r -> line("Attestation Check : [" + (r.passed() ? "PASS" : "FAIL") + "]"
                + (r.passed() ? "" : " " + r.reason())));
    }

    /** A blank line, then the text tab-indented: KMU's usual paragraph. */
    public void line(String text) {
        out.printf("%n\t%s%n", text);
    }
}
