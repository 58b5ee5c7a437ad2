package io.hsmconsole.text.cli;

import io.hsmconsole.text.cli.CliSyntax.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The syntax and help words of every CloudHSM CLI command we run, from the {@code help <command>}
 * blocks of the AWS pages ({@code cloudhsm_cli-*.md}), and the groups they sit in.
 */
public final class CliSyntaxes {
    static final String FILTER_HELP = "Key reference (e.g. key-reference=0xabc) or space separated list of key "
            + "attributes in the form of attr.KEY_ATTRIBUTE_NAME=KEY_ATTRIBUTE_VALUE to select ";
    private static final Option USERNAME = Option.one("username", "USERNAME", true, "Username to access the HSM cluster");
    private static final Option ROLE = Option.one("role", "ROLE", true, "Role the user has in the cluster")
            .withPossibleValues(CliRoles.POSSIBLE);
    private static final Option PASSWORD = Option.one("password", "PASSWORD", false,
            "Optional: Plaintext user's password. If you do not include this argument you will be prompted for it");

    public static final CliSyntax LOGIN = new CliSyntax("login", "Login to your cluster",
            List.of(USERNAME, ROLE, PASSWORD));
    public static final CliSyntax LOGOUT = new CliSyntax("logout", "Logout of your cluster", List.of());

    public static final CliSyntax USER_LIST = new CliSyntax("user list", "List the users in your cluster", List.of());
    public static final CliSyntax USER_CREATE = new CliSyntax("user create", "Create a new user",
            List.of(USERNAME, ROLE, PASSWORD, CliQuorumSyntaxes.APPROVAL));
    public static final CliSyntax USER_DELETE = new CliSyntax("user delete", "Delete a user",
            List.of(USERNAME, ROLE, CliQuorumSyntaxes.APPROVAL));
    public static final CliSyntax USER_CHANGE_PASSWORD = new CliSyntax("user change-password", "Change a user's password",
            List.of(Option.one("username", "USERNAME", true, "Username of the user that will be modified"), ROLE, PASSWORD,
                    CliQuorumSyntaxes.APPROVAL,
                    // The page shows a value name but no values: the switch alone (clap's usual form) or true/false.
                    Option.optional("deregister-mfa", "DEREGISTER-MFA", "Deregister the user's mfa public key, if present")
                            .withPossibleValues(List.of("true", "false")),
                    Option.optional("deregister-quorum", "DEREGISTER-QUORUM", "Deregister the user's quorum public key, if present")
                            .withPossibleValues(List.of("true", "false"))));

    public static final CliSyntax KEY_GENERATE_AES = generate("aes", "Generate an AES key", "AES key");
    public static final CliSyntax KEY_GENERATE_GENERIC_SECRET = generate("generic-secret", "Generate a generic secret key",
            "generic secret key");

    public static final CliSyntax KEY_LIST = new CliSyntax("key list",
            "List the keys the current user owns, shares, and all public keys in the HSM cluster", List.of(
            Option.many("filter", "FILTER", false, FILTER_HELP + "matching key(s) to list"),
            Option.one("max-items", "MAX_ITEMS", false, "The total number of items to return in the command's output. "
                    + "If the total number of items available is more than the value specified, a next-token is provided "
                    + "in the command's output. To resume pagination, provide the next-token value in the starting-token "
                    + "argument of a subsequent command [default: 10]"),
            Option.one("starting-token", "STARTING_TOKEN", false, "A token to specify where to start paginating. "
                    + "This is the next-token from a previously truncated response"),
            Option.flag("verbose", "If included, prints all attributes and key information for each matched key. "
                    + "By default each matched key only displays its key-reference and label attribute").withShort('v')));

    public static final CliSyntax KEY_SHARE = share("share", "Share a key in the HSM cluster with another user",
            "sharing", "A username with which the key will be shared");
    public static final CliSyntax KEY_UNSHARE = share("unshare", "Unshare a key in the HSM cluster with another user",
            "unsharing", "A username with which the key will be unshared");
    public static final CliSyntax KEY_SET_ATTRIBUTE = new CliSyntax("key set-attribute",
            "Set an attribute for a key in the HSM cluster", List.of(
            Option.many("filter", "FILTER", true, FILTER_HELP + "a matching key to modify"),
            Option.one("name", "KEY_ATTRIBUTE", true, "Name of attribute to be set"),
            Option.one("value", "KEY_ATTRIBUTE_VALUE", true, "Attribute value to be set"),
            CliQuorumSyntaxes.APPROVAL));
    public static final CliSyntax KEY_DELETE = new CliSyntax("key delete", "Delete a key in the HSM cluster", List.of(
            Option.many("filter", "FILTER", true, FILTER_HELP + "a matching key for deletion")));

    private CliSyntaxes() {
    }

    private static CliSyntax generate(String type, String about, String what) {
        return new CliSyntax("key generate-symmetric " + type, about, List.of(
                Option.one("label", "LABEL", true, "Label for the key"),
                Option.flag("session", "Creates a session key that exists only in the current session. "
                        + "The key cannot be recovered after the session ends"),
                Option.one("key-length-bytes", "KEY_LENGTH_BYTES", true, "Key length in bytes"),
                Option.many("attributes", "KEY_ATTRIBUTES", false, "Space separated list of key attributes to set for "
                        + "the generated " + what + " in the form of KEY_ATTRIBUTE_NAME=KEY_ATTRIBUTE_VALUE"),
                Option.many("share-crypto-users", "SHARE_CRYPTO_USERS", false,
                        "Space separated list of Crypto User usernames to share the " + what + " with"),
                Option.one("manage-key-quorum-value", "MANAGE_KEY_QUORUM_VALUE", false,
                        "The quorum value for key management operations"),
                Option.one("use-key-quorum-value", "USE_KEY_QUORUM_VALUE", false,
                        "The quorum value for key usage operations")));
    }

    /** The curves cloudhsm_cli-key-generate-asymmetric-pair-ec.md lists; the simulator judges which it offers. */
    public static final List<String> EC_CURVES = List.of("prime256v1", "secp256r1", "secp224r1", "secp384r1",
            "secp256k1", "secp521r1");

    public static final CliSyntax KEY_GENERATE_RSA = pair("rsa", "Generate an RSA key pair", "RSA", List.of(
            Option.one("modulus-size-bits", "MODULUS_SIZE_BITS", true, "Modulus size in bits used to generate the RSA key pair"),
            Option.one("public-exponent", "PUBLIC_EXPONENT", true, "Public exponent used to generate the RSA key pair")));
    public static final CliSyntax KEY_GENERATE_EC = pair("ec", "Generate an Elliptic-Curve Cryptography (ECC) key pair",
            "EC", List.of(Option.one("curve", "CURVE", true, "Elliptic curve used to generate the key pair")
                    .withPossibleValues(EC_CURVES)));

    private static CliSyntax pair(String type, String about, String what, List<Option> algorithm) {
        List<Option> options = new java.util.ArrayList<>(List.of(
                Option.one("public-label", "PUBLIC_LABEL", true, "Label for the public key"),
                Option.one("private-label", "PRIVATE_LABEL", true, "Label for the private key"),
                Option.flag("session", "Creates a session key pair that exists only in the current session. "
                        + "The key cannot be recovered after the session ends")));
        options.addAll(algorithm);
        options.addAll(List.of(
                Option.many("public-attributes", "PUBLIC_KEY_ATTRIBUTES", false, "Space separated list of key attributes "
                        + "to set for the generated " + what + " public key in the form of KEY_ATTRIBUTE_NAME=KEY_ATTRIBUTE_VALUE"),
                Option.many("private-attributes", "PRIVATE_KEY_ATTRIBUTES", false, "Space separated list of key attributes "
                        + "to set for the generated " + what + " private key in the form of KEY_ATTRIBUTE_NAME=KEY_ATTRIBUTE_VALUE"),
                Option.many("share-crypto-users", "SHARE_CRYPTO_USERS", false,
                        "Space separated list of Crypto User usernames to share the " + what + " private key with"),
                Option.one("manage-private-key-quorum-value", "MANAGE_PRIVATE_KEY_QUORUM_VALUE", false,
                        "The quorum value for key management operations for the private key"),
                Option.one("use-private-key-quorum-value", "USE_PRIVATE_KEY_QUORUM_VALUE", false,
                        "The quorum value for key usage operations for the private key")));
        return new CliSyntax("key generate-asymmetric-pair " + type, about, options);
    }

    /** {@code --hash-function}'s values on the crypto sign/verify pages. */
    public static final List<String> HASH_FUNCTIONS = List.of("sha1", "sha224", "sha256", "sha384", "sha512");
    /** The signing mechanisms of {@code crypto sign} and {@code crypto verify}. */
    public static final List<String> SIGN_MECHANISMS = List.of("rsa-pkcs", "rsa-pkcs-pss", "ecdsa");

    public static CliSyntax cryptoSign(String mechanism) {
        return new CliSyntax("crypto sign " + mechanism, "Sign with the " + mechanism + " mechanism", List.of(
                Option.many("key-filter", "KEY_FILTER", true, FILTER_HELP + "a matching key"),
                Option.one("hash-function", "HASH_FUNCTION", true, "Hash algorithm").withPossibleValues(HASH_FUNCTIONS),
                Option.one("data-path", "DATA_PATH", false, "The path to the file containing the data to be signed"),
                Option.one("data", "DATA", false, "Base64 Encoded data to be signed"),
                CliQuorumSyntaxes.APPROVAL));
    }

    public static CliSyntax cryptoVerify(String mechanism) {
        return new CliSyntax("crypto verify " + mechanism, "Verify with the " + mechanism + " mechanism", List.of(
                Option.many("key-filter", "KEY_FILTER", true, FILTER_HELP + "a matching key"),
                Option.one("hash-function", "HASH_FUNCTION", true, "Hash algorithm").withPossibleValues(HASH_FUNCTIONS),
                Option.one("data-path", "DATA_PATH", false, "The path to the file containing the data to be verified"),
                Option.one("data", "DATA", false, "Base64 encoded data to be verified"),
                Option.one("signature-path", "SIGNATURE_PATH", false, "The path to where the signature is located"),
                Option.one("signature", "SIGNATURE", false, "Base64 encoded signature to be verified")));
    }

    /** {@code --key-type-class} of {@code key import pem}: what the PEM file is said to hold. */
    public static final List<String> PEM_KEY_CLASSES = List.of("ec-public", "ec-private", "rsa-public", "rsa-private");

    public static final CliSyntax CLUSTER_HSM_INFO = new CliSyntax("cluster hsm-info", "List the HSMs in your cluster",
            List.of());

    public static final CliSyntax KEY_GENERATE_FILE = new CliSyntax("key generate-file", "Generate a key file from a key in "
            + "the HSM cluster. This command does not export any private key data from the HSM", List.of(
            Option.one("encoding", "ENCODING", true, "Encoding format for the key file").withPossibleValues(List.of(
                    "reference-pem: PEM formatted key reference (supports private keys)",
                    "pem:           PEM format (supports public keys)")),
            Option.one("path", "PATH", true, "Filepath where the key file will be written"),
            Option.many("filter", "FILTER", true, FILTER_HELP + "a matching key for file generation")));

    public static final CliSyntax KEY_IMPORT_PEM = new CliSyntax("key import pem",
            "Import key from a PEM file to the HSM cluster", List.of(
            Option.one("path", "PATH", true, "Path where the key is located in PEM format"),
            Option.one("label", "LABEL", true, "Label for the imported key"),
            Option.one("key-type-class", "KEY_TYPE_CLASS", true, "Key type and class of the imported key")
                    .withPossibleValues(PEM_KEY_CLASSES),
            Option.many("attributes", "IMPORT_KEY_ATTRIBUTES", false, "Space separated list of key attributes "
                    + "in the form of KEY_ATTRIBUTE_NAME=KEY_ATTRIBUTE_VALUE for the imported key")));

    private static CliSyntax share(String verb, String about, String purpose, String usernameHelp) {
        return new CliSyntax("key " + verb, about, List.of(
                Option.many("filter", "FILTER", true, FILTER_HELP + "a matching key for " + purpose),
                Option.one("username", "USERNAME", true, usernameHelp),
                Option.one("role", "ROLE", true, "Role the user has in the cluster").withPossibleValues(CliRoles.POSSIBLE),
                CliQuorumSyntaxes.APPROVAL));
    }

    /** The groups of commands and what each is for, as {@code help} lists them; "" is the tool itself. */
    public static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("", "CloudHSM CLI (simulated by HSM Key Console)");
        groups.put("user", "Manage users of the HSM cluster");
        groups.put("user change-quorum", "Register user quorum authentication with a quorum strategy");
        groups.put("user change-quorum token-sign", "Token-sign quorum strategy");
        groups.put("quorum", "Manage quorum authentication (M of N) for the HSM cluster");
        groups.put("quorum token-sign", "Token-sign quorum: tokens, approvals and quorum values");
        groups.put("key", "Manage keys of the HSM cluster");
        groups.put("key generate-symmetric", "Generate symmetric keys");
        groups.put("key generate-asymmetric-pair", "Generate asymmetric key pairs");
        groups.put("key import", "Import keys");
        groups.put("key wrap", "Wrap a key with a key in the HSM cluster");
        groups.put("key unwrap", "Unwrap a key into the HSM cluster");
        groups.put("crypto", "Perform cryptographic operations");
        groups.put("cluster", "Manage the HSM cluster");
        groups.put("crypto sign", "Sign with a private key");
        groups.put("crypto verify", "Verify a signature with a public key");
        return groups;
    }
}
