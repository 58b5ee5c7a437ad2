package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.SyncProgress;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.text.KmuText;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The key form's run: busy while the simulator generates, the -min_srv wait as a progress bar with
 * the nodes still missing, then the outcome - a headline and what key_mgmt_util printed - for a key
 * and for a pair alike.
 */
final class GenerationStatus {
    private final Messages messages;
    private final HsmErrors errors;
    private final MinSrvAdvice minSrvAdvice;
    private final ObservableValue<ClusterSnapshot> nodes;
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    final ReadOnlyStringWrapper resultHeadline = new ReadOnlyStringWrapper(this, "resultHeadline", "");
    final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText", "");
    final ReadOnlyObjectWrapper<Boolean> resultOk = new ReadOnlyObjectWrapper<>(this, "resultOk");

    GenerationStatus(Messages messages, MinSrvAdvice minSrvAdvice, ObservableValue<ClusterSnapshot> nodes) {
        this.messages = messages;
        this.errors = new HsmErrors(messages);
        this.minSrvAdvice = minSrvAdvice;
        this.nodes = nodes;
    }

    void started() {
        busy.set(true);
        resultOk.set(null);
        resultHeadline.set("");
        resultText.set("");
        progress.set(-1);
        progressText.set(messages.get("keygen.progress.generating"));
    }

    void waiting(SyncProgress p) {
        progress.set(p.fraction());
        progressText.set(p.nodesWithout().isEmpty()
                ? messages.format("keygen.progress.waiting", p.handle(), p.nodesHolding(), p.nodesRequired(),
                        p.elapsedMillis() / 1000.0)
                : messages.format("keygen.progress.waitingFor", p.handle(), p.nodesHolding(), p.nodesRequired(),
                        p.elapsedMillis() / 1000.0, minSrvAdvice.missing(p.nodesWithout(), nodes.getValue())));
    }

    /**
     * The run is over: {@code printed} is what the KMU command printed, {@code rolledBackNote} what a
     * roll-back means (null when there was none), {@code createdHeadline} the headline of a success;
     * a refusal's headline is the HSM's answer.
     */
    void finished(HsmResult<?> result, String printed, String rolledBackNote, String createdHeadline) {
        busy.set(false);
        progress.set(result.isSuccess() ? 1 : 0);
        progressText.set("");
        String text = KmuText.unindented(printed);
        resultText.set(rolledBackNote != null ? text + "\n\n" + rolledBackNote : text);
        resultOk.set(result.isSuccess());
        resultHeadline.set(result.isSuccess() ? createdHeadline : messages.format("keygen.result.refused",
                errors.sentence(result.code()), KmuText.code(result.code())));
    }

    /** How many HSMs held the new key or pair when the command returned. */
    static long heldBy(HsmResult<?> result) {
        return result.nodes().stream().filter(n -> n.code().isSuccess()).count();
    }
}
