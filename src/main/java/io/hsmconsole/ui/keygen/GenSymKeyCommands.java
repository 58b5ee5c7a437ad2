package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.UserRef;
import io.hsmconsole.text.cli.KmuTranslation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command lines the form previews: the exact {@code genSymKey} line (options in the order of
 * the AWS examples, defaults left out) and its CloudHSM CLI equivalent ({@link KmuTranslation}, shared
 * with {@code key_mgmt_util translate}), with comment lines where the CLI has no counterpart.
 */
final class GenSymKeyCommands {
    private GenSymKeyCommands() {
    }

    static String kmu(KeyGenForm f) {
        List<String> parts = new ArrayList<>(List.of("genSymKey", "-t", String.valueOf(f.type().code()),
                "-s", orPlaceholder(f.size(), "<size>"), "-l", orPlaceholder(quoted(f.label()), "<label>")));
        parts.addAll(commonOptions(f));
        return String.join(" ", parts);
    }

    /** The options every key-creating command shares, after the label, in the order of the AWS examples. */
    static List<String> commonOptions(KeyGenForm f) {
        List<String> parts = new ArrayList<>();
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
        return parts;
    }

    static String cloudHsmCli(KeyGenForm f) {
        return KmuTranslation.genSymKey(new KmuTranslation.GenSymKey(f.type(), f.size(), quoted(f.label()), quoted(f.id()),
                f.nonExtractable(), f.session(), f.shareWith().stream().map(UserRef::name).toList(), f.mValue(),
                !f.minSrv().isEmpty() || !f.timeout().isEmpty(), f.attest()));
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
