package io.hsmconsole.shell;

import io.hsmconsole.store.StoreException;
import io.hsmconsole.text.KmuText;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * In an interactive or piped session, a store fault (the team's PostgreSQL server restarting, a
 * full disk) fails the one command with the store's one-line reason; the session and its login go
 * on, as with a real HSM that was briefly out of reach. A single command ({@code singlecmd}) still
 * ends with the launcher's error line and status.
 */
public final class StoreFaults {
    private StoreFaults() {
    }

    public static ExitStatus survive(PrintWriter out, Supplier<ExitStatus> command) {
        try {
            return command.get();
        } catch (StoreException e) {
            out.printf(KmuText.STORE_FAULT, e.getMessage());
            return ExitStatus.ERROR;
        }
    }
}
