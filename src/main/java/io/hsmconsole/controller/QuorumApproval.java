package io.hsmconsole.controller;

import java.util.List;

/**
 * Quorum tokens being approved together: for which key and purpose, how many approvals each needs,
 * until when they live, and the users who may approve (the key's owner and the users it is shared
 * with) with whether each has approved every token. One token serves one HSM operation, so an
 * action made of several operations (a sharing change of two users is two shareKey commands) asks
 * for one token per operation, and each approver approves them all at once.
 */
public record QuorumApproval(List<Integer> tokenIds, long keyHandle, QuorumPurpose purpose, int required,
                             long expiresAtMillis, List<Approver> approvers) {

    public QuorumApproval {
        tokenIds = List.copyOf(tokenIds);
        approvers = List.copyOf(approvers);
    }

    /** One eligible approver; {@code approved} when they approved every token. */
    public record Approver(UserRef user, boolean owner, boolean approved) {
    }

    /** How many HSM operations (tokens) the approvals cover. */
    public int operations() {
        return tokenIds.size();
    }

    public long approvals() {
        return approvers.stream().filter(Approver::approved).count();
    }

    public boolean isComplete() {
        return approvals() >= required;
    }
}
