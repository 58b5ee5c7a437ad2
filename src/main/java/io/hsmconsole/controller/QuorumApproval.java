package io.hsmconsole.controller;

import java.util.List;

/**
 * A quorum token being approved: for which key and purpose, how many approvals it needs, until
 * when it lives, and the users who may approve it (the key's owner and the users it is shared
 * with) with whether each has approved.
 */
public record QuorumApproval(int tokenId, long keyHandle, QuorumPurpose purpose, int required, long expiresAtMillis,
                             List<Approver> approvers) {

    public QuorumApproval {
        approvers = List.copyOf(approvers);
    }

    /** One eligible approver. */
    public record Approver(UserRef user, boolean owner, boolean approved) {
    }

    public long approvals() {
        return approvers.stream().filter(Approver::approved).count();
    }

    public boolean isComplete() {
        return approvals() >= required;
    }
}
