package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.GenSymKeyProblem;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyPairRequest;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.List;
import java.util.function.Consumer;

/**
 * The simulator's verdict on what the key form holds ({@code checkGenSymKey} or
 * {@code pairs().checkKeyPair}), asked in the background each time the request changes. Only the
 * newest answer counts: typing is faster than the answers.
 */
final class SimulatorVerdict {
    private final KeyController keys;
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private Object checkedRequest;
    private List<GenSymKeyProblem> problems = List.of();
    private long sequence;

    SimulatorVerdict(KeyController keys) {
        this.keys = keys;
    }

    /** Asks about {@code request} unless it is the one last asked about; {@code answered} runs on the answer. */
    void askIfChanged(Object request, Runnable answered) {
        if (request.equals(checkedRequest)) {
            return;
        }
        checkedRequest = request;
        long asked = ++sequence;
        checking.set(true);
        Consumer<List<GenSymKeyProblem>> onAnswer = found -> {
            if (asked == sequence) {
                problems = found;
                checking.set(false);
                answered.run();
            }
        };
        if (request instanceof KeyPairRequest pairRequest) {
            keys.pairs().check(pairRequest, onAnswer);
        } else {
            keys.checkGenSymKey((GenSymKeyRequest) request, onAnswer);
        }
    }

    /** The cluster changed (a key was made, an ID may now be taken): the next request is asked about again. */
    void forget() {
        checkedRequest = null;
    }

    boolean pending() {
        return checking.get();
    }

    /** The refusals of the request last answered. */
    List<GenSymKeyProblem> problems() {
        return problems;
    }

    /** The request last asked about. */
    Object request() {
        return checkedRequest;
    }

    ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
