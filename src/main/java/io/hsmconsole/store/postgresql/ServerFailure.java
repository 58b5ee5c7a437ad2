package io.hsmconsole.store.postgresql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a server that cannot be reached (down, restarting, the network gone) from other failures,
 * so the user reads one line naming the server and knows that waiting for it is the fix, rather than
 * the pool's or the driver's wording.
 */
final class ServerFailure {
    private ServerFailure() {
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shutting down, crashed, or
     * still starting), or the pool finding no connection in time.
     */
    static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /** The driver's own reason, from the innermost SQL failure, in one sentence. */
    static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        if (reason == null) {
            return e.getClass().getSimpleName();
        }
        int sentence = reason.indexOf(". ");
        return (sentence > 0 ? reason.substring(0, sentence) : reason).strip();
    }
}
