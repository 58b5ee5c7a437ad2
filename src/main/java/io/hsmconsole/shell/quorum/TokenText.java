package io.hsmconsole.shell.quorum;

import io.hsmconsole.hsm.quorum.QuorumToken;

import java.io.PrintWriter;
import java.util.List;

/**
 * Quorum tokens as the tools print them (AWS's quorum pages): the {@code Token:} dump of getToken,
 * and listTokens' {@code -------- Token - 0 ----------} blocks ending in {@code Num of tokens = N}.
 */
public final class TokenText {
    private TokenText() {
    }

    public static void dump(QuorumToken t, PrintWriter out) {
        out.printf("Token:%nId:%d%nService:%d%nNode:%d%nKey Handle:%d%nUser:%s%n", t.id(), t.service().number(),
                t.node(), t.keyHandle(), t.requester());
    }

    /**
     * Every token with its remaining validity, how many approvals it needs and has, and who gave them.
     * An expired token is still listed (until delToken or the end of the session) but can no longer be used.
     */
    public static void list(List<QuorumToken> tokens, long nowMillis, PrintWriter out) {
        for (int i = 0; i < tokens.size(); i++) {
            QuorumToken t = tokens.get(i);
            out.printf("-------- Token - %d ----------%n", i);
            dump(t, out);
            long left = Math.max(0, (t.expiresAtMillis() - nowMillis) / 1000);
            out.printf("Token Validity: %d sec%s%n", left, nowMillis >= t.expiresAtMillis() ? " (expired: it can no"
                    + " longer be used)" : "");
            out.printf("Required num of approvers : %d%nCurrent num of approvals : %d%n", t.required(), t.approvers().size());
            for (int a = 0; a < t.approvers().size(); a++) {
                out.printf("Approver-%d: %s%n", a, t.approvers().get(a));
            }
        }
        out.printf("Num of tokens = %d%n", tokens.size());
    }
}
