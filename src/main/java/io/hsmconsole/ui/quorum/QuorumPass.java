package io.hsmconsole.ui.quorum;

/**
 * Complete approvals, handed to the screen whose action needed them. The action's HSM commands use
 * the tokens up; {@link #release()} afterwards drops any token the action did not use (it stopped
 * early, or the HSM refused it for another reason), so approvals never outlive what they were given for.
 */
@FunctionalInterface
public interface QuorumPass {
    /** The pass of a key that needed no approvals. */
    QuorumPass NONE = () -> { };

    void release();
}
