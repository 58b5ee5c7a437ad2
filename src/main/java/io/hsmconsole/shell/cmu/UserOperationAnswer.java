package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CmuText;

import java.util.function.Supplier;

/**
 * How the user operations answer, as their pages and quorum-authentication-crypto-officers.md show:
 * createUser, changePswd (and setMValue) print nothing more for a server that did it (the pages print
 * only "Creating User alice(CO) on 3 nodes"), deleteUser prints {@code deleteUser success on server N};
 * for each server that refused, the failure and a question: {@code Retry/Ignore/Abort?(R/I/A):}, or
 * deleteUser's {@code Retry/rollBack/Ignore?(R/B/I):}. A server that is down is not connected and not
 * counted ("on 2 nodes"). I goes on to the next server; A (and B) stop there: the simulator does an
 * operation on every HSM at once or on none, so where one refused nothing was done to roll back. R
 * sends the operation again: the simulator answers for every server again (a server that did it the
 * first time may now say the user exists, as an HSM would). End of input stops.
 */
final class UserOperationAnswer {
    private UserOperationAnswer() {
    }

    /** One command's way of reporting: its failure line, whether successes are listed, its question. */
    record Style(String doing, boolean listsSuccesses, String question, String invalidAnswer, String stopLetter) {
        /** createUser, changePswd, setMValue: {@code creating user on server 0(10.0.2.14) failed}, then R/I/A. */
        static Style created(String doing) {
            return new Style(doing, false, CmuText.RETRY_IGNORE_ABORT, "Invalid option, please type 'R', 'I' or 'A'", "A");
        }

        /** deleteUser: {@code deleteUser failed on server 0(10.0.2.14)}, then R/B/I. */
        static Style deleted() {
            return new Style(null, true, CmuText.RETRY_ROLLBACK_IGNORE, "Invalid option, please type 'R', 'B' or 'I'", "B");
        }
    }

    static ExitStatus report(String command, Style style, Supplier<HsmResult<?>> operation, HsmResult<?> first,
                             CmuContext c) {
        HsmResult<?> result = first;
        while (true) {
            if (result.nodes().isEmpty()) {
                c.out().printf("%s failed: %s%n", command, CmuText.failureName(result.code()));
                return ExitStatus.of(result.isSuccess());
            }
            Choice choice = Choice.IGNORE;
            for (NodeResult n : result.nodes()) {
                if (n.code() == ReturnCode.SERVER_UNAVAILABLE) {
                    continue; // not connected: not asked ("on 2 nodes")
                }
                if (n.code().isSuccess()) {
                    CmuText.userOperationDone(command, style.listsSuccesses(), n, c.out());
                    continue;
                }
                CmuText.userOperationFailed(command, style.doing(), n, c.out());
                choice = ask(style, c);
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

    private enum Choice { RETRY, IGNORE, STOP }

    private static Choice ask(Style style, CmuContext c) {
        while (true) {
            String answer = c.console().readLine(style.question());
            if (answer == null) {
                return Choice.STOP;
            }
            String letter = answer.strip().toUpperCase(java.util.Locale.ROOT);
            if (letter.equals("R")) {
                return Choice.RETRY;
            }
            if (letter.equals("I")) {
                return Choice.IGNORE;
            }
            if (letter.equals(style.stopLetter())) {
                return Choice.STOP;
            }
            c.out().println(style.invalidAnswer());
        }
    }
}
