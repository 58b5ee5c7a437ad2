package io.hsmconsole.ui.quorum;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;

import java.util.function.Consumer;

/**
 * An action on a key that the simulator may refuse for want of quorum approvals: it runs once; if
 * the HSM answers QUORUM_REQUIRED, the gate collects the approvals and the action runs once more,
 * using them up. The screen never guesses beforehand whether a key needs approvals.
 */
public final class QuorumRetry {
    private QuorumRetry() {
    }

    /**
     * {@code action} runs the HSM call and hands its result on; {@code done} gets the final result,
     * {@code cancelled} runs instead when the user gave up on the approvals (nothing changed then).
     */
    public static <T> void run(QuorumGate gate, QuorumRequest request, Consumer<Consumer<HsmResult<T>>> action,
                               Consumer<HsmResult<T>> done, Runnable cancelled) {
        action.accept(first -> {
            if (first.code() != ReturnCode.QUORUM_REQUIRED) {
                done.accept(first);
                return;
            }
            gate.approve(request, pass -> action.accept(second -> {
                pass.release();
                done.accept(second);
            }), cancelled);
        });
    }
}
