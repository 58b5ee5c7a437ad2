package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.StoreCheck;

import java.sql.SQLException;

/**
 * Why the server would not let a connection in, told apart by its SQLSTATE so the user reads what to
 * fix: class 28 (invalid authorization: user or password), 3D000 (no such database), or a server out
 * of reach ({@link ServerFailure}). The password never appears: the URL prints without it.
 */
final class ServerRefusal {
    private ServerRefusal() {
    }

    static StoreCheck of(PostgresUrl url, SQLException e) {
        String reason = ServerFailure.reason(e);
        String state = innermostState(e);
        if (ServerFailure.isUnreachable(e)) {
            return new StoreCheck(StoreCheck.Verdict.UNREACHABLE, "cannot reach the PostgreSQL server " + url + " ("
                    + reason + ")");
        }
        if (state != null && state.startsWith("28")) {
            return new StoreCheck(StoreCheck.Verdict.LOGIN_REFUSED, "the PostgreSQL server " + url
                    + " refused the login of '" + url.user() + "' (" + reason + "); check the user and the password");
        }
        if ("3D000".equals(state)) {
            return new StoreCheck(StoreCheck.Verdict.NO_DATABASE, "the PostgreSQL server at " + url.server().bracketed()
                    + ":" + url.port() + " has no database '" + url.database() + "'; create it (createdb -O " + url.user()
                    + " " + url.database() + ") or name the team's database");
        }
        return new StoreCheck(StoreCheck.Verdict.FAILED, "the PostgreSQL server " + url + " answered: " + reason);
    }

    private static String innermostState(Throwable e) {
        String state = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
    }
}
