package io.hsmconsole.ui.sharing;

import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.controller.SharingChange;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.quorum.QuorumGate;
import io.hsmconsole.ui.quorum.QuorumPass;
import io.hsmconsole.ui.quorum.QuorumRequest;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;

/**
 * Sharing an existing key: the picker starts with the key's current users; applying shares with
 * the newly ticked and unshares the unticked, through the simulator, which refuses anyone but the
 * owner (and session keys) - that refusal is shown as it comes. When the simulator answers that the
 * key's quorum must approve, the approvals are collected for every shareKey of the change at once
 * (one token each) and the change is applied again.
 */
public final class ShareKeyViewModel {
    private final KeyDetails key;
    private final KeyController keys;
    private final Messages messages;
    private final DialogService dialogs;
    private final QuorumGate quorum;
    private final SharingViewModel sharing;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ShareKeyViewModel(KeyDetails key, KeyController keys, Messages messages, DialogService dialogs,
                             QuorumGate quorum) {
        this.key = key;
        this.keys = keys;
        this.messages = messages;
        this.dialogs = dialogs;
        this.quorum = quorum;
        this.sharing = new SharingViewModel(messages);
        sharing.offer(keys.shareCandidates());
        sharing.checkOnly(key.sharedWith());
    }

    public String heading() {
        return messages.format("share.heading", key.handle());
    }

    public String title() {
        return messages.format("share.title", key.handle());
    }

    /** Who may change the sharing, and what a quorum key asks for first (sharing is managing: its manage value). */
    public String note() {
        String who = key.ownedByMe() ? messages.get("share.note.owner")
                : messages.format("share.note.notOwner", key.owner().toString());
        return !MValue.needsQuorum(key.manageMValue()) ? who
                : who + " " + messages.format(key.mValue() == key.manageMValue() ? "share.note.quorum"
                        : "share.note.quorum.manage", key.manageMValue());
    }

    public SharingViewModel sharing() {
        return sharing;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What became of the last Apply when it did not close the dialog (approvals cancelled). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Applies the ticks; {@code onApplied} runs when the simulator accepted all of them. */
    public void apply(Runnable onApplied) {
        busy.set(true);
        status.set("");
        List<Integer> wanted = sharing.checkedIds();
        keys.setSharing(key.handle(), wanted, result -> {
            if (result.code() == ReturnCode.QUORUM_REQUIRED) {
                askApprovals(wanted, onApplied); // the first shareKey was refused: nothing changed yet
            } else {
                finish(result, onApplied);
            }
        });
    }

    private void askApprovals(List<Integer> wanted, Runnable onApplied) {
        keys.planSharing(key.handle(), wanted, plan -> {
            if (!plan.isSuccess() || plan.value().isEmpty()) {
                finish(plan.map(p -> null), onApplied);
                return;
            }
            List<String> commands = plan.value().stream().map(SharingChange::commandLine).toList();
            QuorumRequest request = new QuorumRequest(key.handle(), QuorumPurpose.MANAGE,
                    messages.format("share.quorum.action", key.handle()), commands);
            quorum.approve(request, pass -> applyApproved(wanted, pass, onApplied), () -> {
                busy.set(false);
                status.set(messages.get("share.quorum.cancelled"));
            });
        });
    }

    private void applyApproved(List<Integer> wanted, QuorumPass pass, Runnable onApplied) {
        keys.setSharing(key.handle(), wanted, result -> {
            pass.release();
            finish(result, onApplied);
        });
    }

    private void finish(HsmResult<?> result, Runnable onApplied) {
        busy.set(false);
        if (result.isSuccess()) {
            onApplied.run();
        } else {
            dialogs.showError(new HsmErrors(messages).report("shareKey", result));
        }
    }
}
