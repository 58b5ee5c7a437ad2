package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.Console;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the CLI's commands share during one run: the cluster, the console, the logged-in session
 * (at most one, as in the real tool) and the one way answers are printed.
 */
final class CliContext {
    private final HsmCluster cluster;
    private final Console console;
    private final Path workDir;
    private final AvailabilityCheck availability;
    private HsmSession session;

    CliContext(HsmCluster cluster, Console console, Path workDir, AvailabilityCheck availability) {
        this.cluster = cluster;
        this.console = console;
        this.workDir = workDir;
        this.availability = availability;
    }

    /** The client's key durability setting for the creates of this run (configure-cli, or the daemon's). */
    AvailabilityCheck availability() {
        return availability;
    }

    /** A file the user names, relative to their working folder (the client's, when the daemon runs the command). */
    Path file(String name) {
        return workDir.resolve(name);
    }

    HsmCluster cluster() {
        return cluster;
    }

    Console console() {
        return console;
    }

    PrintWriter out() {
        return console.out();
    }

    Optional<HsmSession> session() {
        return Optional.ofNullable(session).filter(HsmSession::isOpen);
    }

    void loggedIn(HsmSession value) {
        session = value;
    }

    /** Ends the session, if any (logout, end of run): its session keys vanish. */
    void endSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /**
     * The session for a command that needs a login; without one, the cluster records the refused
     * attempt and the error answer is printed (empty).
     */
    Optional<HsmSession> requireSession(String command) {
        Optional<HsmSession> current = session();
        if (current.isEmpty()) {
            cluster.refuseWithoutLogin(command, "");
            error(CliMessages.NOT_LOGGED_IN);
        }
        return current;
    }

    /** Looks a user up by name, as the CLI does: usernames are not case-sensitive. */
    Optional<UserInfo> user(String name) {
        return cluster.users().stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
    }

    /** A user's name by ID, for key owners and shared users. */
    String userName(int id) {
        return cluster.users().stream().filter(u -> u.id() == id).map(UserInfo::name).findFirst()
                .orElse(Integer.toString(id));
    }

    ExitStatus success(JsonNode data) {
        return print(CliJson.success(data), ExitStatus.SUCCESS);
    }

    ExitStatus success(String message) {
        return print(CliJson.success(message), ExitStatus.SUCCESS);
    }

    /** {@code {"data": {"message": …}}}: the key commands' success answers. */
    ExitStatus message(String message) {
        return print(CliJson.message(message), ExitStatus.SUCCESS);
    }

    ExitStatus error(String message) {
        return print(CliJson.error(message), ExitStatus.ERROR);
    }

    ExitStatus error(ReturnCode code) {
        return error(CliMessages.of(code));
    }

    /** The answer for a result of the simulator: {@code onSuccess} when it succeeded, else its refusal. */
    <T> ExitStatus answer(HsmResult<T> result, java.util.function.Function<T, ExitStatus> onSuccess) {
        return result.isSuccess() ? onSuccess.apply(result.value()) : error(result.code());
    }

    private ExitStatus print(String json, ExitStatus status) {
        console.out().println(json);
        console.out().flush();
        return status;
    }

    /**
     * A password: the {@code --password} value, else asked for ({@code Enter password:}, and
     * {@code Confirm password:} when {@code confirm}). Null (and an error printed) when none was
     * given or the two differ. The caller wipes it.
     */
    char[] password(String given, boolean confirm) {
        if (given != null) {
            return given.toCharArray();
        }
        char[] first = console.readSecret(CliMessages.ENTER_PASSWORD);
        if (first == null) {
            error(CliMessages.NO_PASSWORD);
            return null;
        }
        if (!confirm) {
            return first;
        }
        char[] second = console.readSecret(CliMessages.CONFIRM_PASSWORD);
        boolean same = second != null && Arrays.equals(first, second);
        if (second != null) {
            Arrays.fill(second, '\0');
        }
        if (!same) {
            Arrays.fill(first, '\0');
            error(CliMessages.PASSWORDS_DIFFER);
            return null;
        }
        return first;
    }
}
