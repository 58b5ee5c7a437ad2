package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.key.KeyType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command lines the form previews: the exact {@code genSymKey} line (options in the order of
 * the AWS examples, defaults left out) and its CloudHSM CLI equivalent (kmu-reference §17), with
 * comment lines where the CLI has no counterpart.
 */
final class GenSymKeyCommands {
    /** CloudHSM CLI's generic-secret limit (reference §17), lower than key_mgmt_util's. */
    static final int CLI_MAX_GENERIC_SECRET = 800;

    private GenSymKeyCommands() {
    }

    static String kmu(KeyGenForm f) {
        List<String> parts = new ArrayList<>(List.of("genSymKey", "-t", String.valueOf(f.type().code()),
                "-s", orPlaceholder(f.size(), "<size>"), "-l", orPlaceholder(quoted(f.label()), "<label>")));
        if (!f.id().isEmpty()) {
            parts.addAll(List.of("-id", quoted(f.id())));
        }
        if (f.nonExtractable()) {
            parts.add("-nex");
        }
        if (f.session()) {
            parts.add("-sess");
        }
        if (!f.minSrv().isEmpty()) {
            parts.addAll(List.of("-min_srv", f.minSrv()));
        }
        if (!f.timeout().isEmpty()) {
            parts.addAll(List.of("-timeout", f.timeout()));
        }
        if (f.mValue() != 0) {
            parts.addAll(List.of("-m_value", String.valueOf(f.mValue())));
        }
        if (!f.shareWith().isEmpty()) {
            parts.addAll(List.of("-u", f.shareWith().stream().map(u -> String.valueOf(u.id()))
                    .collect(Collectors.joining(","))));
        }
        if (f.attest()) {
            parts.add("-attest");
        }
        return String.join(" ", parts);
    }

    static String cloudHsmCli(KeyGenForm f) {
        List<String> notes = new ArrayList<>();
        String kind = switch (f.type()) {
            case AES -> "aes";
            case GENERIC_SECRET -> "generic-secret";
            case DES3, RC4 -> null;
        };
        if (kind == null) {
            return "# CloudHSM CLI cannot generate " + f.type().displayName()
                    + " keys: its key generate-symmetric knows only aes and generic-secret.";
        }
        List<String> parts = new ArrayList<>(List.of("key", "generate-symmetric", kind,
                "--label", orPlaceholder(quoted(f.label()), "<label>"), "--key-length-bytes", orPlaceholder(f.size(), "<size>")));
        if (f.session()) {
            parts.add("--session");
        }
        if (!f.shareWith().isEmpty()) {
            parts.add("--share-crypto-users");
            f.shareWith().stream().map(UserRef::name).forEach(parts::add);
        }
        if (f.mValue() != 0) {
            parts.addAll(List.of("--use-key-quorum-value", String.valueOf(f.mValue()),
                    "--manage-key-quorum-value", String.valueOf(f.mValue())));
        }
        List<String> attributes = new ArrayList<>();
        if (!f.id().isEmpty()) {
            attributes.add("id=" + quoted(f.id()));
        }
        if (f.nonExtractable()) {
            attributes.add("extractable=false");
        }
        if (!attributes.isEmpty()) {
            parts.add("--attributes");
            parts.addAll(attributes);
        }
        if (f.type() == KeyType.GENERIC_SECRET && sizeAbove(f.size(), CLI_MAX_GENERIC_SECRET)) {
            notes.add("# CloudHSM CLI accepts generic-secret keys of 1 to " + CLI_MAX_GENERIC_SECRET + " bytes only.");
        }
        if (!f.minSrv().isEmpty() || !f.timeout().isEmpty()) {
            notes.add("# -min_srv/-timeout have no CLI option: Client SDK 5 requires a key on 2 HSMs before use.");
        }
        if (f.attest()) {
            notes.add("# -attest has no CLI option: Client SDK 5 verifies HSM responses itself.");
        }
        StringBuilder out = new StringBuilder(String.join(" ", parts));
        notes.forEach(n -> out.append('\n').append(n));
        return out.toString();
    }

    private static boolean sizeAbove(String size, int limit) {
        try {
            return Integer.parseInt(size) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A typed value as one visible argument: one with a blank or a quote in it is shown in double
     * quotes (inner quotes and backslashes escaped), so that the preview shows exactly what was typed
     * - such a label is refused, and the preview must show why rather than a different command.
     */
    static String quoted(String value) {
        boolean plain = value.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == '"' || c == '\'' || c == '\\');
        return plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String orPlaceholder(String value, String placeholder) {
        return value.isEmpty() ? placeholder : value;
    }
}
