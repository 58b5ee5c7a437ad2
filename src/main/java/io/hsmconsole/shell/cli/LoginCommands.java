package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliRoles;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.Arrays;
import java.util.List;

/** {@code login} and {@code logout} (cloudhsm_cli-login.md, cloudhsm_cli-logout.md). */
final class LoginCommands {
    private LoginCommands() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.LOGIN, LoginCommands::login),
                new SimpleCommand(CliSyntaxes.LOGOUT, LoginCommands::logout));
    }

    private static ExitStatus login(CliContext context, CliArguments args) {
        if (context.session().isPresent()) {
            return context.error(CliMessages.ALREADY_LOGGED_IN);
        }
        char[] password = context.password(args.value("password"), false);
        if (password == null) {
            return ExitStatus.ERROR;
        }
        return login(context, args.value("username"), args.value("role"), password);
    }

    /** Logs in and answers {@code {"username": …, "role": …}}. */
    static ExitStatus login(CliContext context, String username, String role, char[] password) {
        return context.answer(authenticate(context, username, role, password),
                session -> context.success(userAndRole(session.user().name(), role)));
    }

    /** Logs in (the password is wiped); the session becomes the context's when the cluster accepts it. */
    static HsmResult<HsmSession> authenticate(CliContext context, String username, String role, char[] password) {
        UserType type = CliRoles.type(role).orElseThrow(); // callers accept only the possible values
        HsmResult<HsmSession> result;
        try {
            result = context.cluster().login(LoginChannel.CLOUDHSM_CLI, type, username, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        result.valueIfSuccess().ifPresent(context::loggedIn);
        return result;
    }

    private static ExitStatus logout(CliContext context, CliArguments args) {
        return context.requireSession("logoutHSM").map(session -> {
            session.logout();
            context.endSession();
            return context.success(CliMessages.LOGOUT);
        }).orElse(ExitStatus.ERROR);
    }

    /** {@code {"username": …, "role": …}}: what login and the user commands answer. */
    static com.fasterxml.jackson.databind.node.ObjectNode userAndRole(String username, String role) {
        com.fasterxml.jackson.databind.node.ObjectNode data = CliJson.object();
        data.put("username", username);
        data.put("role", role);
        return data;
    }
}
