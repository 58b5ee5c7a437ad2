package io.hsmconsole.text.cli;

import io.hsmconsole.hsm.key.KeyType;

import java.util.ArrayList;
import java.util.List;

/**
 * Migration help: the CloudHSM CLI line that does what a key_mgmt_util command did, with comment lines
 * ({@code # …}) for what has no counterpart (kmu-reference §17). One copy, used by the key form's
 * preview and by {@code key_mgmt_util translate}.
 */
public final class KmuTranslation {
    /** CloudHSM CLI's generic-secret limit (reference §17), lower than key_mgmt_util's. */
    public static final int CLI_MAX_GENERIC_SECRET = 800;

    private KmuTranslation() {
    }

    /**
     * genSymKey's options as given (text, so a form's half-typed values translate too; empty = not
     * given). {@code shareWith} holds user names, {@code waitOptions} whether -min_srv or -timeout was given.
     */
    public record GenSymKey(KeyType type, String size, String label, String id, boolean nonExtractable,
                            boolean session, List<String> shareWith, int mValue, boolean waitOptions, boolean attest) {
    }

    public static String genSymKey(GenSymKey k) {
        String kind = switch (k.type()) {
            case AES -> "aes";
            case GENERIC_SECRET -> "generic-secret";
            case DES3, RC4 -> null;
        };
        if (kind == null) {
            return "# CloudHSM CLI cannot generate " + k.type().displayName()
                    + " keys: its key generate-symmetric knows only aes and generic-secret.";
        }
        List<String> parts = new ArrayList<>(List.of("key", "generate-symmetric", kind,
                "--label", orPlaceholder(k.label(), "<label>"), "--key-length-bytes", orPlaceholder(k.size(), "<size>")));
        if (k.session()) {
            parts.add("--session");
        }
        if (!k.shareWith().isEmpty()) {
            parts.add("--share-crypto-users");
            parts.addAll(k.shareWith());
        }
        if (k.mValue() != 0) {
            parts.addAll(List.of("--use-key-quorum-value", String.valueOf(k.mValue()),
                    "--manage-key-quorum-value", String.valueOf(k.mValue())));
        }
        List<String> attributes = new ArrayList<>();
        if (!k.id().isEmpty()) {
            attributes.add("id=" + k.id());
        }
        if (k.nonExtractable()) {
            attributes.add("extractable=false");
        }
        if (!attributes.isEmpty()) {
            parts.add("--attributes");
            parts.addAll(attributes);
        }
        List<String> notes = new ArrayList<>();
        if (k.type() == KeyType.GENERIC_SECRET && sizeAbove(k.size(), CLI_MAX_GENERIC_SECRET)) {
            notes.add("# CloudHSM CLI accepts generic-secret keys of 1 to " + CLI_MAX_GENERIC_SECRET + " bytes only.");
        }
        notes.addAll(waitAndAttestNotes(k.waitOptions(), k.attest()));
        return withNotes(parts, notes);
    }

    private static List<String> waitAndAttestNotes(boolean waitOptions, boolean attest) {
        List<String> notes = new ArrayList<>();
        if (waitOptions) {
            notes.add("# -min_srv/-timeout have no CLI option: Client SDK 5 requires a key on 2 HSMs before use.");
        }
        if (attest) {
            notes.add("# -attest has no CLI option: Client SDK 5 verifies HSM responses itself.");
        }
        return notes;
    }

    private static String withNotes(List<String> parts, List<String> notes) {
        StringBuilder out = new StringBuilder(String.join(" ", parts));
        notes.forEach(n -> out.append('\n').append(n));
        return out.toString();
    }

    /**
     * genRSAKeyPair's / genECCKeyPair's options as given (text, as for {@link GenSymKey}): {@code rsa}
     * with the modulus and exponent, or an EC curve by its SEC/X9.62 name (empty: none chosen).
     * KMU's one label and ID name both halves; -nex, sharing and m_value are the private key's.
     */
    public record GenKeyPair(boolean rsa, String modulusBits, String publicExponent, String curveName, String label,
                             String id, boolean nonExtractable, boolean session, List<String> shareWith, int mValue,
                             boolean waitOptions, boolean attest) {
    }

    /** {@code key generate-asymmetric-pair rsa|ec} (cloudhsm_cli-key-generate-asymmetric-pair-*.md). */
    public static String genKeyPair(GenKeyPair k) {
        String label = orPlaceholder(k.label(), "<label>");
        List<String> parts = new ArrayList<>(List.of("key", "generate-asymmetric-pair", k.rsa() ? "rsa" : "ec"));
        if (k.rsa()) {
            parts.addAll(List.of("--public-exponent", orPlaceholder(k.publicExponent(), "<exponent>"),
                    "--modulus-size-bits", orPlaceholder(k.modulusBits(), "<bits>")));
        } else {
            parts.addAll(List.of("--curve", orPlaceholder(k.curveName(), "<curve>")));
        }
        parts.addAll(List.of("--public-label", label, "--private-label", label));
        if (k.session()) {
            parts.add("--session");
        }
        List<String> both = k.id().isEmpty() ? List.of() : List.of("id=" + k.id());
        List<String> privateOnly = new ArrayList<>(both);
        if (k.nonExtractable()) {
            privateOnly.add("extractable=false");
        }
        if (!both.isEmpty()) {
            parts.add("--public-attributes");
            parts.addAll(both);
        }
        if (!privateOnly.isEmpty()) {
            parts.add("--private-attributes");
            parts.addAll(privateOnly);
        }
        if (!k.shareWith().isEmpty()) {
            parts.add("--share-crypto-users");
            parts.addAll(k.shareWith());
        }
        if (k.mValue() != 0) {
            parts.addAll(List.of("--manage-private-key-quorum-value", String.valueOf(k.mValue()),
                    "--use-private-key-quorum-value", String.valueOf(k.mValue())));
        }
        List<String> notes = new ArrayList<>();
        if (!k.rsa() && !k.curveName().isEmpty() && !CliSyntaxes.EC_CURVES.contains(k.curveName())) {
            notes.add("# CloudHSM CLI has no curve " + k.curveName() + ": its --curve takes "
                    + String.join(", ", CliSyntaxes.EC_CURVES) + ".");
        }
        notes.addAll(waitAndAttestNotes(k.waitOptions(), k.attest()));
        return withNotes(parts, notes);
    }

    /** {@code loginHSM -u CU -s NAME …}: the password is left for the CLI to ask (never on a command line). */
    public static String login(String userType, String name) {
        String role = userType.equals("CU") ? CliRoles.CRYPTO_USER : CliRoles.ADMIN;
        return "login --username " + orPlaceholder(name, "<username>") + " --role " + role;
    }

    /** A key handle as the CLI's {@code key-reference} filter. */
    public static String byHandle(long handle) {
        return "key-reference=" + CliKeyJson.reference(handle);
    }

    /** {@code findKey -l LABEL …}: the matching attribute filters of {@code key list}. */
    public static String findKey(List<String> filters) {
        return "key list" + (filters.isEmpty() ? "" : " --filter " + String.join(" ", filters)) + " --verbose";
    }

    /** {@code deleteKey -k H}. */
    public static String deleteKey(long handle) {
        return "key delete --filter " + byHandle(handle);
    }

    /** {@code getAttribute}/{@code getKeyInfo}: the key's attributes and key-info are one listing. */
    public static String showKey(long handle) {
        return "key list --filter " + byHandle(handle) + " --verbose";
    }

    /** Setting one attribute of the key with this handle. */
    public static String setAttribute(long handle, String name, String value) {
        return "key set-attribute --filter " + byHandle(handle) + " --name " + name + " --value " + value;
    }

    /**
     * genDSAKeyPair: Client SDK 5's CLI makes no DSA pairs. cloudhsm_cli-key-generate-asymmetric-pair.md
     * lists rsa, ec and ml-dsa, and ML-DSA (FIPS 204) is another algorithm, not FIPS 186's DSA.
     */
    public static String genDsaKeyPair() {
        return "# genDSAKeyPair has no CloudHSM CLI equivalent: key generate-asymmetric-pair makes rsa and ec pairs"
                + " (its ml-dsa is another algorithm); DSA keys stay with key_mgmt_util.";
    }

    public static String noEquivalent(String command) {
        return "# " + command + " has no CloudHSM CLI equivalent that this simulator knows;"
                + " see docs/cloudhsm-cli.md for the commands it has.";
    }

    private static boolean sizeAbove(String size, int limit) {
        try {
            return Integer.parseInt(size) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String orPlaceholder(String value, String placeholder) {
        return value.isEmpty() ? placeholder : value;
    }
}
