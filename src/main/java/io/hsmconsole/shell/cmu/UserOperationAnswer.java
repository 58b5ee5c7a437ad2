package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CmuText;

import java.util.function.Supplier;

/**
 * How createUser and changePswd answer, as their pages and quorum-authentication-crypto-officers.md
 * show: nothing more for a server that did it (the pages print only "Creating User alice(CO) on 3
 * nodes"; a server that is down is not connected and not counted there), and for each server that refused, the failure and {@code Retry/Ignore/Abort?(R/I/A):}.
 * I goes on to the next server, A stops there, R sends the operation again: the simulator answers
 * for every server again (a server that did it the first time may now say the user exists, as an
 * HSM would). End of input is A.
 */
final class UserOperationAnswer {
    private UserOperationAnswer() {
    }

    static ExitStatus report(String command, String doing, Supplier<HsmResult<?>> operation, HsmResult<?> first,
                             CmuContext c) {
        HsmResult<?> result = first;
        while (true) {
            if (result.nodes().isEmpty()) {
                c.out().printf("%s failed: %s%n", command, CmuText.failureName(result.code()));
                return ExitStatus.of(result.isSuccess());
            }
            Choice choice = Choice.IGNORE;
            for (NodeResult n : result.nodes()) {
                if (n.code().isSuccess() || n.code() == ReturnCode.SERVER_UNAVAILABLE) {
                    continue; // a server that did it says nothing; one that is down was not asked ("on 2 nodes")
                }
                CmuText.userOperationFailed(command, doing, n, c.out());
                choice = ask(c);
                if (choice != Choice.IGNORE) {
                    break;
                }
            }
            if (choice != Choice.RETRY) {
                return ExitStatus.of(result.isSuccess());
            }
            result = operation.get();
        }
    }

    private enum Choice { RETRY, IGNORE, ABORT }

    private static Choice ask(CmuContext c) {
        while (true) {
            String answer = c.console().readLine(CmuText.RETRY_IGNORE_ABORT);
            if (answer == null) {
                return Choice.ABORT;
            }
            switch (answer.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "R" -> {
                    return Choice.RETRY;
                }
                case "I" -> {
                    return Choice.IGNORE;
                }
                case "A" -> {
                    return Choice.ABORT;
                }
                default -> c.out().println("Invalid option, please type 'R', 'I' or 'A'");
            }
        }
    }
}
