package io.hsmconsole.text.cli;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;
import io.hsmconsole.hsm.quorum.TokenTimeouts;

import java.util.stream.Collectors;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.user.Credentials;

/**
 * The words of the CloudHSM CLI's answers: the success messages its pages print, and the {@code data}
 * of an error answer for each refusal of the simulator. The pages show few error texts; the others
 * are ours, written to say what is wrong and what to do, in the tool's style.
 */
public final class CliMessages {
    public static final String PROMPT = "aws-cloudhsm > ";
    public static final String ENTER_PASSWORD = "Enter password:";
    public static final String CONFIRM_PASSWORD = "Confirm password:";

    public static final String LOGOUT = "Logout successful";
    public static final String KEY_SHARED = "Key shared successfully";
    /** A key operation refused for want of approvals (key-quorum-auth-chsm-cli-crypto-user.md's answer). */
    public static final String KEY_QUORUM_FAILED = "Quorum Failed";
    public static final String KEY_UNSHARED = "Key unshared successfully";
    public static final String ATTRIBUTE_SET = "Attribute set successfully";
    public static final String KEY_DELETED = "Key deleted successfully";
    public static final String KEY_FILE_GENERATED = "Successfully generated key file";
    public static final String TOKENS_DELETED = "Deletion of quorum token(s) successful";
    public static final String QUORUM_VALUE_SET = "Set Quorum Value successful";
    public static final String TOKEN_TIMEOUT_SET = "Set token timeout successful";

    public static final String PASSWORDS_DIFFER = "Passwords do not match";
    public static final String NO_PASSWORD = "No password was given";
    public static final String ALREADY_LOGGED_IN = "A user is already logged in; log out first with: logout";
    public static final String NOT_LOGGED_IN = "Not logged in; log in first with: login --username <USERNAME> --role <ROLE>";
    public static final String SIGNATURE_VERIFIED = "Signature verified successfully";
    public static final String NO_KEY_MATCHED = "No key matched the filter";
    public static final String BAD_PIN = "CLOUDHSM_PIN must be <username>:<password>";

    private CliMessages() {
    }

    /**
     * {@code user change-password} refused because the user is logged in: the page's own note
     * (cloudhsm_cli-user-change-password.md); other commands answer {@link #of} for the same code.
     */
    public static final String PASSWORD_OF_LOGGED_IN_USER =
            "You cannot change the password of a user who is currently logged in to the cluster";

    public static String badRole(String role) {
        return "CLOUDHSM_ROLE must be " + CliRoles.CRYPTO_USER + " or " + CliRoles.ADMIN + ", not '" + role + "'";
    }

    public static String filterMatchedSeveral(int count) {
        return "The filter matched " + count + " keys; refine it to select a single key";
    }

    public static String unknownAttribute(String name) {
        return "Unknown key attribute '" + name + "'; the attributes are: " + String.join(", ", CliAttributes.names());
    }

    public static String malformedFilter(String filter) {
        return "Invalid filter '" + filter + "'; use key-reference=0x<hex> or attr.<KEY_ATTRIBUTE_NAME>=<VALUE>";
    }

    public static String invalidKeyReference(String text) {
        return "Invalid key reference '" + text + "'; use 0x and up to 16 hex digits, or a decimal number";
    }

    public static String invalidBoolean(String name, String value) {
        return "Invalid value '" + value + "' for attribute " + name + "; use true or false";
    }

    public static String notSettableAtGeneration(String name) {
        return "The attribute " + name + " cannot be set when a key is generated; settable here: "
                + "encrypt, decrypt, sign, verify, wrap, unwrap, derive, wrap-with-trusted, extractable, token, id";
    }

    /** Exactly one of {@code --NAME} and {@code --NAME-path} must be given. */
    public static String oneOf(String name) {
        return "Give exactly one of --" + name + " and --" + name + "-path";
    }

    public static String notAPublicKeyPem(String path) {
        return path + " holds no PEM public key (-----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----)";
    }

    public static String keyClassDiffers(String given, String found) {
        return "--key-type-class " + given + " does not match the key in the file (" + found + ")";
    }

    public static String notBase64(String name) {
        return "--" + name + " is not valid Base64";
    }

    public static String unreadableFile(String path, String why) {
        return "Cannot read " + path + ": " + why;
    }

    public static String unknownUser(String name) {
        return "No user named '" + name + "' exists in the cluster";
    }

    public static String invalidStartingToken(String token, int total) {
        return "Invalid starting token '" + token + "'; use the next_token of a previous listing (0 to " + total + ")";
    }

    public static String notHex(String name, String value) {
        return "--" + name + " '" + value + "' is not hex (0x and pairs of hex digits, e.g. 0x10)";
    }

    public static String cannotWrite(String path, String why) {
        return "Cannot write " + path + ": " + why;
    }

    /** key generate-file: which encoding suits which key. */
    public static String encodingNeeds(String encoding) {
        return "--encoding " + encoding + " takes " + (encoding.equals("pem") ? "a public key; use reference-pem for a private key"
                : "a private key; use pem for a public key");
    }

    public static String notAPrivateKeyPem(String path) {
        return path + " holds no PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)";
    }

    /** The {@code data} of an error answer for a refusal of the simulator. */
    public static String of(ReturnCode code) {
        return switch (code) {
            case NOT_LOGGED_IN -> NOT_LOGGED_IN;
            case NOT_AUTHORIZED -> "The logged-in user's role may not run this command";
            case INVALID_USER_TYPE -> "This role may not log in here; use --role crypto-user or --role admin";
            case USER_NOT_FOUND, LOGIN_FAILURE -> "Login failed: wrong username, role or password";
            case ACCOUNT_LOCKED -> "The account is locked after too many failed logins; an admin must change its password";
            case INVALID_HANDLE -> NO_KEY_MATCHED;
            case KEY_ACCESS_DENIED -> "Only the key's owner may do this";
            case INVALID_KEY_SIZE -> "Invalid key length for this key type";
            case INVALID_LABEL -> "Invalid label; it must be 1 to " + KeyNaming.MAX_LABEL + " characters without spaces";
            case SHARE_WITH_OWNER -> "A key cannot be shared with its owner";
            case SHARE_USER_INVALID -> "Keys can only be shared with existing crypto users";
            case SESSION_KEY_NOT_SHAREABLE -> "Session keys cannot be shared";
            case M_VALUE_INVALID -> "The quorum value must be 0 to 8 and at most the number of users the key is "
                    + "associated with (its owner and the users it is shared with)";
            case QUORUM_REQUIRED -> "Quorum approval is required for this operation";
            case QUORUM_TOKEN_INVALID -> "The token is not a live token of yours for this service: it expired (see "
                    + "quorum token-sign list-timeouts), was used, deleted or replaced, or the file was "
                    + "changed; generate a new one with: "
                    + "quorum token-sign generate";
            case TOKEN_TIMEOUT_INVALID -> "Invalid token timeout: it must be " + TokenTimeouts.MIN_SECONDS + " to "
                    + TokenTimeouts.MAX_SECONDS + " seconds";
            case OFFICER_APPROVAL_INVALID -> "A signature was refused: each approver must be an admin with a registered "
                    + "quorum key (user change-quorum token-sign register), sign the token (SHA-256, RSA PKCS #1 v1.5) "
                    + "with its private key, and appear once";
            case KEY_APPROVAL_INVALID -> "A signature was refused: each approver must have a registered quorum key "
                    + "(user change-quorum token-sign register), sign the token (SHA-256, RSA PKCS #1 v1.5) with its "
                    + "private key, and appear once; only the key's owner and the users it is shared with count";
            case QUORUM_APPROVAL_INVALID -> "The signature does not verify with this public key: sign the token's "
                    + "\"unsigned\" value with the private key of an RSA key of at least 2048 bits";
            case SERVICE_M_VALUE_INVALID -> "Invalid quorum value: it must be 1 to " + MValue.MAX + " and at most the number of admins";
            case ATTRIBUTE_NOT_MODIFIABLE -> "This attribute cannot be changed";
            case ATTRIBUTE_VALUE_INVALID -> "Invalid value for this attribute";
            case KEY_NOT_DESTROYABLE -> "The key is not destroyable (its destroyable attribute is false)";
            case INVALID_USER_NAME -> "Invalid username; use 1 to " + Credentials.MAX_NAME + " characters from A-Z, a-z, 0-9 and _";
            case INVALID_PASSWORD -> "Invalid password; it must be " + Credentials.MIN_PASSWORD + " to " + Credentials.MAX_PASSWORD + " characters";
            case USER_EXISTS -> "A user with this name already exists";
            case USER_OWNS_KEYS -> "The user owns keys; they must be deleted first";
            case USER_LOGGED_IN -> "The user is logged in";
            case CLUSTER_FULL -> "The cluster has reached its key capacity";
            case NO_ACTIVE_NODE -> "No HSM in the cluster is available";
            // the CLI's only mechanisms with parameters are the wraps: GCM (aes-gcm, cloudhsm-aes-gcm) and OAEP (rsa-oaep, rsa-aes)
            case MECHANISM_PARAM_INVALID -> "Invalid mechanism parameters: AES-GCM's --tag-length-bits must be one of "
                    + Sdk5WrapParameters.GCM_TAG_BITS.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))
                    + " and its --iv " + Sdk5WrapParameters.GCM_IV_BYTES + " bytes (" + 2 * Sdk5WrapParameters.GCM_IV_BYTES
                    + " hex digits); OAEP's --mgf must use the --hash-function's hash (sha256 with mgf1-sha256)";
            case WRAPPING_KEY_INVALID -> "The wrapping key cannot do this: an AES key (or, for rsa-*, an RSA public key to "
                    + "wrap and its private key to unwrap) whose wrap or unwrap attribute is true; trusted when the payload "
                    + "has wrap-with-trusted";
            case WRAP_MECHANISM_UNSUPPORTED -> "The payload key does not fit this mechanism (aes-no-pad takes keys of a "
                    + "multiple of 8 bytes; rsa-oaep and rsa-pkcs only what fits the modulus)";
            case KEY_CLASS_INVALID -> "The key's class does not suit this command (public keys are not wrapped)";
            default -> code.text().replaceFirst("^HSM (Error|CLUSTER ERROR): ", "");
        };
    }
}
