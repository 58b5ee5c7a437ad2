package io.hsmconsole.ui.common;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.text.KmuText;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what went wrong into what the user reads: a plain sentence, the HSM return code, and
 * details to expand (the node lines, or the chain of causes) - never a stack trace.
 */
public final class HsmErrors {
    private final Messages messages;

    public HsmErrors(Messages messages) {
        this.messages = messages;
    }

    /** A plain sentence for a return code: our wording where KMU's is cryptic, else the HSM's. */
    public String sentence(ReturnCode code) {
        return messages.getOr("hsm.code." + code.name(), stripPrefix(code.text()));
    }

    /** {@code HSM return code 0xa8 (Invalid object handle ...)} with the simulator-defined mark. */
    public String codeLine(ReturnCode code) {
        return messages.format(code.simulatorDefined() ? "error.code.simulator" : "error.code.hsm",
                KmuText.code(code), code.text());
    }

    /**
     * The code line to put after {@code shown}, a sentence the user reads beside it: without the HSM's
     * text when the sentence already says it (our fallback wording is that text), so nothing is read twice.
     */
    public String codeLine(ReturnCode code, String shown) {
        if (shown == null || !shown.contains(stripPrefix(code.text()))) {
            return codeLine(code);
        }
        return messages.format(code.simulatorDefined() ? "error.code.simulator.short" : "error.code.hsm.short",
                KmuText.code(code));
    }

    public ErrorReport report(String action, HsmResult<?> result) {
        List<String> details = new ArrayList<>();
        details.add(KmuText.returnedLine(action, result.code()));
        details.addAll(KmuText.clusterBlock(result.nodes()));
        String sentence = sentence(result.code());
        return new ErrorReport(messages.format("error.title.refused", action), sentence,
                codeLine(result.code(), sentence), String.join("\n", details));
    }

    public ErrorReport report(Throwable error) {
        List<String> causes = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            causes.add(t.getClass().getSimpleName() + ": " + t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        String sentence = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        return new ErrorReport(messages.get("error.title.unexpected"), sentence, messages.get("error.code.none"),
                String.join("\n", causes));
    }

    private static String stripPrefix(String text) {
        for (String prefix : List.of("HSM Error: ", "HSM Return: ", "HSM CLUSTER ERROR: ")) {
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length());
            }
        }
        return text;
    }
}
