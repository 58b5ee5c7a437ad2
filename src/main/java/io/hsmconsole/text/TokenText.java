package io.hsmconsole.text;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.quorum.QuorumToken;

import java.io.PrintWriter;
import java.util.List;

/**
 * Quorum tokens as the tools print them (AWS's quorum pages): the {@code Token:} dump of getToken,
 * and listTokens' {@code -------- Token - 0 ----------} blocks ending in {@code Num of tokens = N};
 * getToken's, approveToken's and delToken's answers.
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

    /** getToken's answer: the result line, then the token (see {@link #written}) or, refused, the cluster block. */
    public static void getToken(KmuPrinter p, HsmResult<QuorumToken> result, String file) {
        p.result("Cfm3GetToken", result.code());
        if (result.isSuccess()) {
            written(p, result.value(), file, result.nodes());
        } else {
            p.clusterBlock(result.nodes());
        }
    }

    /** After getToken wrote the token file: the token, where it went, the cluster block. */
    public static void written(KmuPrinter p, QuorumToken token, String file, List<NodeResult> nodes) {
        p.out().println();
        dump(token, p.out());
        p.line("Token written to file \"" + file + "\"");
        p.clusterBlock(nodes);
    }

    /** approveToken with a password: {@link #approval}, then the cluster block. */
    public static void approveToken(KmuPrinter p, HsmResult<QuorumToken> result, String approver, String standing) {
        approval(p, result, approver, standing);
        p.clusterBlock(result.nodes());
    }

    /** approveToken's result line and where the token stands ({@code token 1 has 1 of 2 approvals}). */
    public static void approval(KmuPrinter p, HsmResult<QuorumToken> result, String approver, String standing) {
        p.result("Cfm3ApproveToken", result.code());
        p.line("Approval by " + approver + (result.isSuccess() ? " recorded: " : " refused: ") + standing);
    }

    /** Where a token of {@code tokens} stands after an approval: {@code token 1 has 1 of 2 approvals}. */
    public static String standing(List<QuorumToken> tokens, int tokenId) {
        return tokens.stream().filter(t -> t.id() == tokenId).findFirst()
                .map(t -> "token " + t.id() + " has " + t.approvers().size() + " of " + t.required() + " approvals")
                .orElse("token " + tokenId + " is gone");
    }
}
