package io.hsmconsole.text.cli;

import io.hsmconsole.text.cli.CliSyntax.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of {@code key wrap <mechanism>} and {@code key unwrap <mechanism>} from the
 * {@code help} blocks of cloudhsm_cli-key-wrap-*.md and cloudhsm_cli-key-unwrap-*.md, with their
 * quorum approval files ({@code --wrapping-approval}, {@code --payload-approval}; {@code --approval}).
 */
public final class CliWrapSyntaxes {
    /** The mechanisms, in the pages' order. */
    public static final List<String> MECHANISMS = List.of("aes-gcm", "aes-no-pad", "aes-pkcs5-pad", "aes-zero-pad",
            "cloudhsm-aes-gcm", "rsa-aes", "rsa-oaep", "rsa-pkcs");
    /** {@code --key-type-class} of key unwrap. */
    public static final List<String> KEY_TYPE_CLASSES = List.of("aes", "des3", "ec-private", "generic-secret", "rsa-private");
    public static final List<String> MGFS = List.of("mgf1-sha1", "mgf1-sha224", "mgf1-sha256", "mgf1-sha384", "mgf1-sha512");

    public static final String WRAPPING_APPROVAL = "wrapping-approval";
    public static final String PAYLOAD_APPROVAL = "payload-approval";

    private static final String ABOUT_WRAP = "Wrap a key using the %s mechanism";
    private static final String ABOUT_UNWRAP = "Unwrap a key using the %s mechanism";

    private CliWrapSyntaxes() {
    }

    public static CliSyntax wrap(String mechanism) {
        List<Option> options = new ArrayList<>(List.of(
                Option.many("payload-filter", "PAYLOAD_FILTER", true, CliSyntaxes.FILTER_HELP + "a payload key"),
                Option.many("wrapping-filter", "WRAPPING_FILTER", true, CliSyntaxes.FILTER_HELP + "a wrapping key"),
                Option.one("path", "PATH", false, "Path to the binary file where the wrapped key data will be saved"),
                Option.one(WRAPPING_APPROVAL, "WRAPPING_APPROVALR", false,
                        "File path of signed quorum token file to approve operation for wrapping key"),
                Option.one(PAYLOAD_APPROVAL, "PAYLOAD_APPROVALR", false,
                        "File path of signed quorum token file to approve operation for payload key")));
        options.addAll(mechanismOptions(mechanism, false));
        return new CliSyntax("key wrap " + mechanism, String.format(ABOUT_WRAP, mechanism.toUpperCase()), options);
    }

    public static CliSyntax unwrap(String mechanism) {
        List<Option> options = new ArrayList<>(List.of(
                Option.many("filter", "FILTER", true, CliSyntaxes.FILTER_HELP + "a key to unwrap with"),
                Option.one("data-path", "DATA_PATH", false, "Path to the binary file containing the wrapped key data"),
                Option.one("data", "DATA", false, "Base64 encoded wrapped key data"),
                Option.many("attributes", "UNWRAPPED_KEY_ATTRIBUTES", false, "Space separated list of key attributes in "
                        + "the form of KEY_ATTRIBUTE_NAME=KEY_ATTRIBUTE_VALUE for the unwrapped key"),
                Option.many("share-crypto-users", "SHARE_CRYPTO_USERS", false,
                        "Space separated list of Crypto User usernames to share the unwrapped key with"),
                Option.one("manage-key-quorum-value", "MANAGE_KEY_QUORUM_VALUE", false,
                        "The quorum value for key management operations for the unwrapped key"),
                Option.one("use-key-quorum-value", "USE_KEY_QUORUM_VALUE", false,
                        "The quorum value for key usage operations for the unwrapped key")));
        options.addAll(mechanismOptions(mechanism, true));
        options.addAll(List.of(
                Option.one("key-type-class", "KEY_TYPE_CLASS", true, "Key type and class of wrapped key")
                        .withPossibleValues(KEY_TYPE_CLASSES),
                Option.one("label", "LABEL", true, "Label for the unwrapped key"),
                Option.flag("session", "Creates a session key that exists only in the current session. "
                        + "The key cannot be recovered after the session ends"),
                CliQuorumSyntaxes.APPROVAL));
        return new CliSyntax("key unwrap " + mechanism, String.format(ABOUT_UNWRAP, mechanism.toUpperCase()), options);
    }

    private static List<Option> mechanismOptions(String mechanism, boolean unwrap) {
        List<Option> options = new ArrayList<>();
        if (mechanism.endsWith("aes-gcm")) {
            options.add(Option.one("aad", "AAD", false, "Aes GCM Additional Authenticated Data (AAD) value, in hex"));
            options.add(Option.one("tag-length-bits", "TAG_LENGTH_BITS", true, "Aes GCM tag length in bits"));
            if (unwrap && mechanism.equals("aes-gcm")) {
                options.add(Option.one("iv", "IV", true, "Initial value used to wrap the key, in hex"));
            }
        }
        if (mechanism.equals("rsa-aes") || mechanism.equals("rsa-oaep")) {
            options.add(Option.one("hash-function", "HASH_FUNCTION", true, "Hash algorithm")
                    .withPossibleValues(CliSyntaxes.HASH_FUNCTIONS));
            options.add(Option.one("mgf", "MGF", true, "Mask Generation Function algorithm").withPossibleValues(MGFS));
        }
        return options;
    }
}
