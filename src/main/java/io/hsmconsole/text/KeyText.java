package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;

/** key_mgmt_util's answers to deleteKey and to setAttribute's promotion of a session key. */
public final class KeyText {
    /** setAttribute asks for the value of a boolean attribute with this prompt. */
    public static final String BOOLEAN_PROMPT = "\t  Enter the boolean attribute value (0 or 1):";

    private KeyText() {
    }

    /**
     * KMU looks the handle up first, so an unknown handle is reported by the find call (reference §8).
     * A key the user may use but does not own is refused in one sentence, ended with a period and with
     * no {@code Cluster Error Status} block: key_mgmt_util-deleteKey.md prints it so.
     */
    public static void deleteKey(KmuPrinter p, HsmResult<Void> result) {
        if (result.code() == ReturnCode.KEY_ACCESS_DENIED) {
            p.line(KmuText.returnedLine("Cfm3DeleteKey", result.code()) + ".");
            return;
        }
        p.resultAndBlock(result.code() == ReturnCode.INVALID_HANDLE ? "Cfm3FindKey" : "Cfm3DeleteKey", result);
    }

    /** What setAttribute prints before it asks {@link #BOOLEAN_PROMPT}. */
    public static void booleanAttribute(KmuPrinter p) {
        p.out().printf("\t This attribute is defined as a boolean value.%n");
    }

    /**
     * setAttribute as a terminal shows it when {@code answer} was typed at the prompt: the question,
     * the answer, then the result line and the cluster block.
     */
    public static void setAttribute(KmuPrinter p, String answer, HsmResult<Void> result) {
        booleanAttribute(p);
        p.out().println(BOOLEAN_PROMPT + answer);
        p.resultAndBlock("Cfm3SetAttribute", result);
    }
}
