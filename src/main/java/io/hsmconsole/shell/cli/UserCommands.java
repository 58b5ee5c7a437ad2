package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliRoles;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code user list|create|delete|change-password} (cloudhsm_cli-user-*.md); the last three take a
 * signed {@code user} token ({@code --approval}) once the user service's quorum value is 2 or more.
 */
final class UserCommands {
    private UserCommands() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.USER_LIST, UserCommands::list),
                new SimpleCommand(CliSyntaxes.USER_CREATE, UserCommands::create),
                new SimpleCommand(CliSyntaxes.USER_DELETE, UserCommands::delete),
                new SimpleCommand(CliSyntaxes.USER_CHANGE_PASSWORD, UserCommands::changePassword));
    }

    /** Needs no login (the page: all users, logged in or not). */
    private static ExitStatus list(CliContext context, CliArguments args) {
        ArrayNode users = CliJson.array();
        for (UserInfo u : context.cluster().users()) {
            ObjectNode user = users.addObject();
            user.put("username", u.name());
            user.put("role", CliRoles.name(u.type()));
            user.put("locked", Boolean.toString(u.locked()));
            ArrayNode mfa = user.putArray("mfa");
            if (u.twoFactor()) {
                mfa.addObject().put("strategy", "token-sign").put("status", "enabled");
            }
            ArrayNode quorum = user.putArray("quorum");
            if (u.quorumKeyRegistered()) {
                quorum.addObject().put("strategy", "token-sign").put("status", "enabled");
            }
            user.put("cluster-coverage", "full");
        }
        ObjectNode data = CliJson.object();
        data.set("users", users);
        return context.success(data);
    }

    private static ExitStatus create(CliContext context, CliArguments args) {
        return guarded(context, args, "createUser", true, (session, password) -> session.users()
                .createUser(type(args), args.value("username"), password).map(u -> null));
    }

    private static ExitStatus changePassword(CliContext context, CliArguments args) {
        // --deregister-mfa: the simulator has no MFA keys, so there is never one present to deregister
        boolean deregisterQuorum = args.switchedOn("deregister-quorum");
        return guarded(context, args, "changePswd", true, (session, password) -> session.users()
                .changePassword(type(args), args.value("username"), password, deregisterQuorum));
    }

    /** The page's note for its one refusal that has one: the user whose password it is, is logged in. */
    private static ExitStatus refused(CliContext context, String command, ReturnCode code) {
        return command.equals("changePswd") && code == ReturnCode.USER_LOGGED_IN
                ? context.error(CliMessages.PASSWORD_OF_LOGGED_IN_USER) : context.error(code);
    }

    private static ExitStatus delete(CliContext context, CliArguments args) {
        return guarded(context, args, "deleteUser", false,
                (session, none) -> session.users().deleteUser(type(args), args.value("username")));
    }

    /**
     * A command of the {@code user} quorum service: logged in, then the signed token of
     * {@code --approval} if given, then (for create and change-password) the password, given or asked
     * twice, then the simulator's answer; the password is wiped.
     */
    private static ExitStatus guarded(CliContext context, CliArguments args, String command, boolean withPassword,
                                      BiFunction<HsmSession, char[], HsmResult<?>> action) {
        Optional<HsmSession> session = context.requireSession(command);
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        Optional<SignedApproval> approval;
        try {
            approval = QuorumCommands.approval(context, args);
        } catch (GenerationAttributes.Refused refused) {
            return context.error(refused.getMessage());
        }
        char[] password = withPassword ? context.password(args.value("password"), true) : null;
        if (withPassword && password == null) {
            return ExitStatus.ERROR;
        }
        try {
            HsmSession s = session.get();
            HsmResult<?> result = s.tokenSign().withApproval(TokenSignService.USER, approval, () -> action.apply(s, password));
            return result.isSuccess() ? context.success(LoginCommands.userAndRole(args.value("username"), args.value("role")))
                    : refused(context, command, result.code());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static UserType type(CliArguments args) {
        return CliRoles.type(args.value("role")).orElseThrow();
    }
}
