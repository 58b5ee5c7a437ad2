package io.hsmconsole.shell.quorum;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.quorum.QuorumToken;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Submits every approval of an approval file to the HSM, for both shells: each signature file is
 * read, sent and reported; one that cannot be read or is refused does not stop the others, so a
 * file sent again after one signature was fixed still counts the rest.
 */
public final class ApprovalSubmission {
    /** The last HSM answer (null when no signature could be read) and whether every approval was recorded. */
    public record Outcome(HsmResult<QuorumToken> last, boolean allRecorded) {
    }

    private ApprovalSubmission() {
    }

    /**
     * {@code readSignature} reads a signature file (and says why not); {@code report} prints one
     * answer for an approver and tells whether it was recorded.
     */
    public static Outcome submit(HsmSession session, int tokenId, ApprovalFile approvals,
                                 Function<String, Optional<byte[]>> readSignature,
                                 BiPredicate<HsmResult<QuorumToken>, String> report) {
        HsmResult<QuorumToken> last = null;
        boolean allRecorded = true;
        for (ApprovalFile.Approval approval : approvals.approvals()) {
            Optional<byte[]> signature = readSignature.apply(approval.signatureFile());
            if (signature.isEmpty()) {
                allRecorded = false;
                continue;
            }
            last = session.quorumTokens().approveToken(tokenId, approval.name(), signature.get());
            allRecorded &= report.test(last, approval.name());
        }
        return new Outcome(last, allRecorded);
    }
}
