package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.GeneratedKey;

/**
 * The output of a command that creates a key (genSymKey, imSymKey, unWrapKey): the result line,
 * the handle, the attestation verdict when {@code -attest} was given, then the cluster block. When
 * {@code -min_srv} was not reached in time the key was rolled back: {@code Couldn't verify key sync
 * on N servers}, {@code Rolling back} and the deletion's answer come before the block, which then
 * lists the nodes the key was deleted from. (The wait itself is printed by {@link KeySyncProgress}.)
 */
public final class CreatedKeyText {
    /** genSymKey's words for a new key. */
    public static final String GENERATED = "Symmetric Key Created.";
    /** imSymKey's words for a new key. */
    public static final String IMPORTED = "Symmetric Key Unwrapped.";
    /** unWrapKey's words for a new key. */
    public static final String UNWRAPPED = "Key Unwrapped.";
    /** unWrapKey's call for a file with a header (key_mgmt_util-unwrapKey.md, first example). */
    public static final String UNWRAP_CALL = "Cfm3UnWrapKey";
    /** unWrapKey {@code -noheader}'s two calls: the template from -kc/-kt/-l, then the unwrap. */
    public static final String UNWRAP_TEMPLATE_CALL = "Cfm3CreateUnwrapTemplate2";
    public static final String UNWRAP_WITH_TEMPLATE_CALL = "Cfm2UnWrapWithTemplate3";

    private CreatedKeyText() {
    }

    /**
     * {@code announced}: the wait ({@link KeySyncProgress#announced()}) printed the handle already, so
     * a rolled-back key does not print it again; a key that made it is printed again, as KMU does.
     */
    public static void print(KmuPrinter p, String call, String createdText, HsmResult<GeneratedKey> result,
                             Integer minServers, boolean announced) {
        p.result(call, result.code());
        printAfterResult(p, createdText, result, minServers, announced);
    }

    /**
     * unWrapKey {@code -noheader}, as key_mgmt_util-unwrapKey.md prints it: the template call's line,
     * then, with no blank line between them, the unwrap's. A refusal prints the unwrap's line alone.
     */
    public static void printUnwrappedWithTemplate(KmuPrinter p, HsmResult<GeneratedKey> result, Integer minServers,
                                                  boolean announced) {
        if (result.isSuccess()) {
            p.result(UNWRAP_TEMPLATE_CALL, ReturnCode.SUCCESS);
            p.out().printf("\t%s%n", KmuText.returnedLine(UNWRAP_WITH_TEMPLATE_CALL, result.code()));
        } else {
            p.result(UNWRAP_WITH_TEMPLATE_CALL, result.code());
        }
        printAfterResult(p, UNWRAPPED, result, minServers, announced);
    }

    private static void printAfterResult(KmuPrinter p, String createdText, HsmResult<GeneratedKey> result,
                                         Integer minServers, boolean announced) {
        GeneratedKey key = result.value();
        if (key != null && !(key.rolledBack() && announced)) {
            p.line(createdText + "  Key Handle: " + key.handle());
        }
        p.attestation(result.attestationReport());
        if (key != null && key.rolledBack()) {
            rolledBack(p, minServers);
        }
        p.clusterBlock(result.nodes());
    }

    /** What follows a key (or pair) that missed {@code -min_srv} in time: the sync verdict and the deletion. */
    public static void rolledBack(KmuPrinter p, Integer minServers) {
        p.line("Couldn't verify key sync on " + (minServers == null ? 1 : minServers) + " servers");
        p.line("Rolling back");
        p.result("Cfm3DeleteKey", ReturnCode.SUCCESS);
    }
}
