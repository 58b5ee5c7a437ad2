package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.QuorumApproval;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import io.hsmconsole.ui.common.Notices;
import io.hsmconsole.ui.common.TimeText;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;

/**
 * The approval dialog for one action on a quorum key: asks the HSM for a token, lists who may
 * approve (the key's owner and its shared users), takes each approver's password, and shows the
 * approvals collected against those required. It is done when the HSM says the token is complete
 * (or that the key needs no quorum); the session's next action of that purpose on the key uses it.
 */
public final class QuorumApprovalViewModel {
    /** Where the approval stands. */
    public enum Phase { ASKING, COLLECTING, APPROVED, NOT_REQUIRED, FAILED, CANCELLED }

    private final QuorumController quorum;
    private final Messages messages;
    private final TimeText time;
    private final Notices notices;
    private final QuorumRequest request;
    private final ObservableList<ApproverRow> approvers = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.ASKING);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private QuorumApproval state;

    public QuorumApprovalViewModel(QuorumController quorum, Messages messages, TimeText time, QuorumRequest request) {
        this.quorum = quorum;
        this.messages = messages;
        this.time = time;
        this.notices = new Notices(messages);
        this.request = request;
        heading.set(messages.format("quorum.heading", request.action()));
        progress.set(messages.get("quorum.asking"));
    }

    /** Asks the HSM for the tokens (one per command) and who may approve them. */
    public void start() {
        long handle = request.handle();
        QuorumPurpose purpose = request.purpose();
        quorum.request(handle, purpose, request.operations(), result -> {
            if (result.code() == ReturnCode.QUORUM_NOT_REQUIRED) {
                phase.set(Phase.NOT_REQUIRED);
            } else if (!result.isSuccess()) {
                notice.set(notices.refused(result, messages.format("quorum.action.token", handle)));
                progress.set("");
                phase.set(Phase.FAILED);
            } else {
                state = result.value();
                state.approvers().forEach(a -> approvers.add(new ApproverRow(a, messages)));
                String why = messages.format("quorum.explanation." + purpose.name(), handle, state.required(),
                        time.format(state.expiresAtMillis()), purpose.serviceNumber());
                explanation.set(request.operations() == 1 ? why : why + " " + messages.format(
                        "quorum.explanation.several", request.operations(), String.join(", ", request.commands())));
                phase.set(Phase.COLLECTING);
                showProgress();
            }
        });
    }

    /** One approver's password; the array is wiped before this returns. */
    public void approve(ApproverRow row, char[] password) {
        if (phase.get() != Phase.COLLECTING || row.approvedProperty().get()) {
            Arrays.fill(password, '\0');
            return;
        }
        quorum.approve(state, row.user().name(), password, result -> approved(row, result));
    }

    private void approved(ApproverRow row, HsmResult<QuorumApproval> result) {
        if (phase.get() != Phase.COLLECTING) {
            return; // cancelled meanwhile: the tokens are being dropped
        }
        if (result.value() != null) {
            show(result.value());
        }
        if (!result.isSuccess()) {
            notice.set(notices.refused(result, messages.format("quorum.action.approve", row.user().name())));
            return;
        }
        notice.set(Notice.info(messages.format("quorum.done.approve", row.user().name())));
        if (state.isComplete()) {
            phase.set(Phase.APPROVED);
        }
    }

    private void show(QuorumApproval now) {
        state = now;
        for (ApproverRow r : approvers) {
            state.approvers().stream().filter(a -> a.user().id() == r.user().id()).findFirst()
                    .ifPresent(a -> r.show(a.approved()));
        }
        showProgress();
    }

    private void showProgress() {
        progress.set(messages.format(state.isComplete() ? "quorum.progress.complete" : "quorum.progress",
                state.approvals(), state.required()));
    }

    /**
     * Gives up: the tokens are dropped at once rather than left to expire, and nothing runs. Also
     * closes a dialog whose tokens the HSM refused. Once cleared, the pass owns the tokens instead.
     */
    public void cancel() {
        if (cleared() || phase.get() == Phase.CANCELLED) {
            return;
        }
        if (state != null) {
            quorum.release(state, dropped -> { });
        }
        phase.set(Phase.CANCELLED);
    }

    /**
     * The complete approvals for the action, once {@link #cleared()}: releasing it drops the
     * tokens the action did not use.
     */
    public QuorumPass pass() {
        if (!cleared()) {
            throw new IllegalStateException("the approvals are not complete");
        }
        QuorumApproval approved = state;
        return approved == null ? QuorumPass.NONE : () -> quorum.release(approved, dropped -> { });
    }

    /** Whether the action may now run: the token is complete, or the key needs no quorum. */
    public boolean cleared() {
        return phase.get() == Phase.APPROVED || phase.get() == Phase.NOT_REQUIRED;
    }

    public ObservableList<ApproverRow> approvers() {
        return approvers;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** {@code 1 of 2 approvals collected}. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public QuorumRequest request() {
        return request;
    }
}
