package io.hsmconsole.ui.quorum;

import java.util.function.Consumer;

/**
 * What a screen calls when the simulator refused an action on a key with {@code QUORUM_REQUIRED}:
 * collect the approvals the HSM asks for, then let the screen run the action again. The console's
 * gate is the approval window ({@link QuorumApprovalDialog}); view-model tests use their own.
 */
public interface QuorumGate {

    /**
     * Collects approvals for {@code request}. {@code approved} gets a pass once the HSM says the
     * tokens are complete: the screen runs its action and then {@link QuorumPass#release() releases}
     * the pass. {@code cancelled} runs when the user gives up; no token is left behind then.
     */
    void approve(QuorumRequest request, Consumer<QuorumPass> approved, Runnable cancelled);
}
