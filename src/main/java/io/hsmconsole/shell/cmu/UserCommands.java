package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CmuText;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** CMU's login and user management: loginHSM, logoutHSM, createUser, deleteUser, changePswd. */
final class UserCommands {
    private UserCommands() {
    }

    static List<CmuCommand> all() {
        return List.of(
                new CmuCommand("loginHSM", "loginHSM <user-type> <user-name> <password |-hpswd> [-2fa </path/to/authdata>]",
                        "Logs in to every HSM (user types CU, CO, PRECO; CO also logs in the primary officer admin)."
                                + " -2fa is not simulated.",
                        3, 5, UserCommands::login),
                new CmuCommand("logoutHSM", "logoutHSM", "Logs out of every HSM.", 0, 0, UserCommands::logout),
                new CmuCommand("createUser", "createUser <user-type> <user-name> <password |-hpswd> [-2fa </path/to/authdata>]",
                        "Creates a crypto user (CU) or crypto officer (CO). Crypto officers only. -2fa is not simulated.",
                        3, 5, UserCommands::createUser),
                new CmuCommand("deleteUser", "deleteUser <user-type> <user-name>",
                        "Deletes a user; a crypto user who owns keys cannot be deleted. Crypto officers only.", 2, 2,
                        UserCommands::deleteUser),
                new CmuCommand("changePswd", "changePswd <user-type> <user-name> <password |-hpswd> [-2fa </path/to/authdata>]",
                        "Changes a password (officers: anyone's, which also unlocks a locked account; crypto users:"
                                + " their own). -2fa is not simulated.", 3, 5, UserCommands::changePassword),
                new CmuCommand("registerQuorumPubKey", "registerQuorumPubKey <user-type> <user-name> <registration-token>"
                        + " <signed-registration-token> <public-key>",
                        "Registers your own RSA-" + QuorumSignatures.KEY_BITS + " quorum key for approving tokens: the public key (PEM, from openssl"
                                + " rsa -pubout), a registration token of at most "
                                + QuorumSignatures.MAX_REGISTRATION_TOKEN + " bytes and its signature made with"
                                + " the private key (openssl dgst -sha256 -sign).", 5, 5,
                        QuorumKeyRegistration::register));
    }

    private static Optional<UserType> type(String text, CmuContext c) {
        Optional<UserType> type = UserType.parse(text);
        if (type.isEmpty()) {
            c.out().printf("Invalid user type '%s': use CU, CO, PCO or PRECO%n", text);
        }
        return type;
    }

    /**
     * The optional {@code -2fa <file>} after the password: null when there is none; with it, the
     * refusal (2FA is not simulated: an error, the syntax was right); anything else there is a usage
     * error.
     */
    private static ExitStatus secondFactorRefusal(String command, List<String> a, CmuContext c) {
        if (a.size() == 3) {
            return null;
        }
        if (a.size() == 5 && a.get(3).equals(CmuText.TWO_FACTOR_OPTION)) {
            c.out().println(CmuText.noTwoFactor(command));
            return ExitStatus.ERROR;
        }
        c.out().printf("%s failed: after the password only %s </path/to/authdata> may follow%n", command,
                CmuText.TWO_FACTOR_OPTION);
        return ExitStatus.USAGE;
    }

    private static char[] password(String text, CmuContext c) {
        return text.equals("-hpswd") ? c.console().readSecret("Enter password:") : text.toCharArray();
    }

    private static ExitStatus login(List<String> a, CmuContext c) {
        Optional<UserType> type = type(a.get(0), c);
        if (type.isEmpty()) {
            return ExitStatus.USAGE;
        }
        ExitStatus refused = secondFactorRefusal("loginHSM", a, c);
        if (refused != null) {
            return refused;
        }
        if (c.session().isPresent()) {
            c.out().println("loginHSM failed: a user is already logged in; run logoutHSM first");
            return ExitStatus.ERROR;
        }
        char[] password = password(a.get(2), c);
        if (password == null) {
            return ExitStatus.USAGE;
        }
        try {
            HsmResult<HsmSession> result = c.cluster().login(LoginChannel.MGMT_UTIL, type.get(), a.get(1), password);
            result.valueIfSuccess().ifPresent(c::loggedIn);
            return c.perServer("loginHSM", result);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static ExitStatus logout(List<String> a, CmuContext c) {
        if (c.session().isEmpty()) {
            return c.notLoggedIn("logoutHSM", "");
        }
        HsmResult<Void> result = c.session().get().logout();
        c.endSession();
        return c.perServer("logoutHSM", result);
    }

    private static ExitStatus createUser(List<String> a, CmuContext c) {
        return passwordOperation("createUser", "creating user", "Creating User %s(%s) on %d nodes%n", a, c,
                (type, password) -> c.session().get().users().createUser(type, a.get(1), password));
    }

    private static ExitStatus deleteUser(List<String> a, CmuContext c) {
        Optional<UserType> type = type(a.get(0), c);
        if (type.isEmpty()) {
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("deleteUser", String.join(" ", a));
        }
        // No CAUTION question: the deleteUser and quorum pages show none.
        c.out().printf("Deleting user %s(%s) on %d nodes%n", a.get(1), type.get(), c.onlineNodes());
        Supplier<HsmResult<?>> run = () -> c.session().get().users().deleteUser(type.get(), a.get(1));
        return UserOperationAnswer.report("deleteUser", UserOperationAnswer.Style.deleted(), run, run.get(), c);
    }

    private static ExitStatus changePassword(List<String> a, CmuContext c) {
        return passwordOperation("changePswd", "changing password", "Changing password for %s(%s) on %d nodes%n", a, c,
                (type, password) -> c.session().get().users().changePassword(type, a.get(1), password));
    }

    /**
     * createUser and changePswd: {@code <type> <name> <password>}, refused with -2fa, confirmed, then
     * run on every server ({@code operation} gets a fresh copy of the password for each attempt, as
     * Retry runs it again); the password is wiped afterwards.
     */
    private static ExitStatus passwordOperation(String command, String verb, String announcement, List<String> a,
                                                CmuContext c, BiFunction<UserType, char[], HsmResult<?>> operation) {
        Optional<UserType> type = type(a.get(0), c);
        if (type.isEmpty()) {
            return ExitStatus.USAGE;
        }
        ExitStatus refused = secondFactorRefusal(command, a, c);
        if (refused != null) {
            return refused;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn(command, a.get(0) + " " + a.get(1));
        }
        if (!c.confirm()) {
            return ExitStatus.SUCCESS;
        }
        char[] password = password(a.get(2), c);
        if (password == null) {
            return ExitStatus.USAGE;
        }
        try {
            c.out().printf(announcement, a.get(1), type.get(), c.onlineNodes());
            Supplier<HsmResult<?>> run = () -> operation.apply(type.get(), password.clone());
            return UserOperationAnswer.report(command, UserOperationAnswer.Style.created(verb), run, run.get(), c);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
