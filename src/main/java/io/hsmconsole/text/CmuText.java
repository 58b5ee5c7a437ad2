package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;

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
    public static final String CONFIRM = "Do you want to continue(y/n)?";
    /** What listAttributes prints before the list, as cloudhsm_mgmt_util-listAttributes.md shows it (KMU's differs). */
    public static final String ATTRIBUTES_HEADING = """
                Description
            ===========
            The following are all of the possible attribute values for getAttribute.

            """;

    /** What cloudhsm_mgmt_util asks after a user operation failed on a server (quorum-authentication-crypto-officers.md). */
    public static final String RETRY_IGNORE_ABORT = "Retry/Ignore/Abort?(R/I/A):";
    /** What deleteUser asks after it failed on a server (quorum-authentication-crypto-officers.md). */
    public static final String RETRY_ROLLBACK_IGNORE = "Retry/rollBack/Ignore?(R/B/I):";
    /** The flag the pages show for 2FA; the simulator has no second factor (see {@link #noTwoFactor}). */
    public static final String TWO_FACTOR_OPTION = "-2fa";

    private CmuText() {
    }

    /**
     * The tool's name for why a server refused: {@code RET_MXN_AUTH_FAILED} when a quorum was needed
     * (quorum-authentication-crypto-officers.md); the HSM's text for anything the pages do not name.
     */
    public static String failureName(ReturnCode code) {
        return code == ReturnCode.QUORUM_REQUIRED ? "RET_MXN_AUTH_FAILED" : code.text();
    }

    /**
     * A user operation that failed on one server, as quorum-authentication-crypto-officers.md prints
     * createUser's: {@code createUser failed: RET_MXN_AUTH_FAILED}, then {@code creating user on server
     * 0(10.0.2.14) failed} and a blank line; {@code doing} is the second line's verb ("creating user").
     * Without one (deleteUser), the second line is {@code deleteUser failed on server 0(10.0.2.14)}.
     */
    public static void userOperationFailed(String command, String doing, NodeResult node, PrintWriter out) {
        out.printf("%s failed: %s%n", command, failureName(node.code()));
        if (doing == null) {
            out.printf("%s failed on server %s%n%n", command, NodeAddresses.server(node.nodeId()));
        } else {
            out.printf("%s on server %s failed%n%n", doing, NodeAddresses.server(node.nodeId()));
        }
    }

    /** A server that did a user operation: deleteUser says so ({@code deleteUser success on server 0(10.0.0.1)}), the others are silent. */
    public static void userOperationDone(String command, boolean listed, NodeResult node, PrintWriter out) {
        if (listed) {
            out.printf("%s success on server %s%n", command, NodeAddresses.server(node.nodeId()));
        }
    }

    /** {@code -2fa}: refused before any HSM is asked, naming what the simulator lacks. */
    public static String noTwoFactor(String command) {
        return command + " failed: " + TWO_FACTOR_OPTION + " is not simulated: the simulator has no second factor"
                + " (no authdata file to sign with a 2FA key, no 2FA key pair per officer); run " + command
                + " without " + TWO_FACTOR_OPTION;
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
