package io.hsmconsole.hsm.quorum;

import java.util.List;

/**
 * A request for quorum approval of one operation on one key: approvers sign {@code challenge} with
 * their registered quorum keys; with {@code required} distinct approvals it serves one operation
 * before {@code expiresAtMillis}.
 */
public record QuorumToken(int id, QuorumService service, long keyHandle, int node, String requester,
                          long createdAtMillis, long expiresAtMillis, byte[] challenge, int required,
                          List<String> approvers) {

    public QuorumToken {
        approvers = List.copyOf(approvers);
    }

    public boolean approvedBy(String user) {
        return approvers.stream().anyMatch(a -> a.equalsIgnoreCase(user));
    }

    public boolean isComplete() {
        return approvers.size() >= required;
    }

    public QuorumToken withApprover(String user) {
        List<String> more = new java.util.ArrayList<>(approvers);
        more.add(user);
        return new QuorumToken(id, service, keyHandle, node, requester, createdAtMillis, expiresAtMillis, challenge,
                required, more);
    }
}
