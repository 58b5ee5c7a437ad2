package io.hsmconsole.text.cli;

import io.hsmconsole.text.cli.CliSyntax.Option;

import java.util.List;

/**
 * The syntax of the token-sign quorum commands, from the {@code help} blocks of
 * cloudhsm_cli-qm-token-*.md and cloudhsm_cli-user-chqm-token-reg.md, and the {@code --approval}
 * option the guarded commands take.
 */
public final class CliQuorumSyntaxes {
    /** {@code --approval}: user create, delete, change-password and set-quorum-value take it. */
    public static final Option APPROVAL = Option.one("approval", "APPROVAL", false,
            "Filepath of signed quorum token file to approve operation");

    private static final String USER_SERVICE = "user:\n            User management service is used for executing quorum "
            + "authenticated user management operations";
    private static final String QUORUM_SERVICE = "quorum:\n            Quorum management service is used for setting "
            + "quorum values for any quorum service";
    private static final String REGISTRATION_SERVICE = "registration:\n            Registration service is used for "
            + "registering a public key for quorum authentication";
    private static final String KEY_USAGE_SERVICE = "key-usage:\n            Key usage service is used for executing "
            + "quorum authenticated key usage operations";
    private static final String KEY_MANAGEMENT_SERVICE = "key-management:\n            Key management service is used "
            + "for executing quorum authenticated key management operations";

    public static final CliSyntax GENERATE = new CliSyntax("quorum token-sign generate", "Generate a token", List.of(
            Option.one("service", "SERVICE", true, "Service the token will be used for")
                    .withPossibleValues(List.of(USER_SERVICE, QUORUM_SERVICE, REGISTRATION_SERVICE, KEY_USAGE_SERVICE,
                            KEY_MANAGEMENT_SERVICE)),
            Option.one("token", "TOKEN", true, "Filepath where the unsigned token file will be written")));
    public static final CliSyntax LIST = new CliSyntax("quorum token-sign list",
            "List the token-sign tokens in your cluster", List.of());
    public static final CliSyntax DELETE = new CliSyntax("quorum token-sign delete", "Delete one or more Quorum Tokens",
            List.of(Option.one("scope", "SCOPE", true, "Scope of which token(s) will be deleted").withPossibleValues(List.of(
                    "user: Deletes all token(s) of currently logged in user",
                    "all:  Deletes all token(s) on the HSM"))));
    public static final CliSyntax LIST_QUORUM_VALUES = new CliSyntax("quorum token-sign list-quorum-values",
            "List current quorum values", List.of());
    public static final CliSyntax SET_QUORUM_VALUE = new CliSyntax("quorum token-sign set-quorum-value",
            "Set a quorum value", List.of(
            Option.one("service", "SERVICE", true, "Service the token will be used for")
                    .withPossibleValues(List.of(USER_SERVICE, QUORUM_SERVICE)),
            Option.one("value", "VALUE", true, "Value to set for service"),
            APPROVAL));
    public static final CliSyntax LIST_TIMEOUTS = new CliSyntax("quorum token-sign list-timeouts",
            "List timeout durations in seconds for token validity", List.of());
    public static final CliSyntax SET_TIMEOUT = new CliSyntax("quorum token-sign set-timeout",
            "Set timeout duration in seconds for token validity", List.of(
            Option.one("generated", "GENERATED", false,
                    "Timeout period in seconds for a generated (non-approved) token to be approved").inOneOf("timeout"),
            Option.one("approved", "APPROVED", false,
                    "Timeout period in seconds for an approved token to be used to execute a quorum operation")
                    .inOneOf("timeout")));
    public static final CliSyntax REGISTER = new CliSyntax("user change-quorum token-sign register",
            "Register a user for quorum authentication with a public key", List.of(
            Option.one("public-key", "PUBLIC_KEY", true, "Filepath to public key PEM file"),
            Option.one("signed-token", "SIGNED_TOKEN", true, "Filepath with token signed by user private key")));

    private CliQuorumSyntaxes() {
    }
}
