package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;

import java.io.PrintWriter;

/**
 * cloudhsm_mgmt_util's output that more than one screen writes: the prompt, the CAUTION banner of
 * critical operations and the per-server answer ({@code shareKey success on server 0(10.0.0.1)}).
 */
public final class CmuText {
    /** The interactive prompt; the typed line follows it, as a terminal echoes it. */
    public static final String PROMPT = "\naws-cloudhsm>";

    /** Printed before a critical operation; the tool then asks {@link #CONFIRM}. */
    public static final String CAUTION = """
            *************************CAUTION********************************
            This is a CRITICAL operation, should be done on all nodes in the
            cluster. AWS does NOT synchronize these changes automatically with the
            nodes on which this operation is not executed or failed, please
            ensure this operation is executed on all nodes in the cluster.
            ****************************************************************

            """;

    /** The question after {@link #CAUTION}; the tool reads {@code y} or {@code n}. */
    public static final String CONFIRM = "Do you want to continue(y/n)? ";
    /** What listAttributes prints before the list, as cloudhsm_mgmt_util-listAttributes.md shows it (KMU's differs). */
    public static final String ATTRIBUTES_HEADING = """
                Description
            ===========
            The following are all of the possible attribute values for getAttribute.

            """;

    private CmuText() {
    }

    /** The banner and the question answered {@code y}, as a terminal shows a confirmed critical operation. */
    public static void confirmed(PrintWriter out) {
        out.print(CAUTION);
        out.println(CONFIRM + "y");
    }

    /** A critical operation as a terminal shows it once confirmed: the banner, {@code y}, the per-server answer. */
    public static void confirmedPerServer(String command, HsmResult<?> result, PrintWriter out) {
        confirmed(out);
        perServer(command, result, out);
    }

    /** One line per server: {@code <cmd> success on server N(ip)} or why it failed there; one line when none answered. */
    public static void perServer(String command, HsmResult<?> result, PrintWriter out) {
        if (result.nodes().isEmpty()) {
            out.printf("%s failed: %s%n", command, result.code().text());
            return;
        }
        for (NodeResult n : result.nodes()) {
            if (n.code().isSuccess()) {
                out.printf("%s success on server %s%n", command, NodeAddresses.server(n.nodeId()));
            } else {
                out.printf("%s failed on server %s: %s%n", command, NodeAddresses.server(n.nodeId()), n.code().text());
            }
        }
    }
}
