package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.QuorumApproval;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One eligible approver in the dialog: who, in which role, and whether they have approved. */
public final class ApproverRow {
    private final UserRef user;
    private final String label;
    private final ReadOnlyBooleanWrapper approved = new ReadOnlyBooleanWrapper(this, "approved");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Messages messages;

    ApproverRow(QuorumApproval.Approver approver, Messages messages) {
        this.user = approver.user();
        this.messages = messages;
        this.label = messages.format(approver.owner() ? "quorum.approver.owner" : "quorum.approver.shared",
                user.name(), user.id());
        show(approver.approved());
    }

    void show(boolean hasApproved) {
        approved.set(hasApproved);
        status.set(messages.get(hasApproved ? "quorum.status.approved" : "quorum.status.waiting"));
    }

    public UserRef user() {
        return user;
    }

    /** {@code carol (6), shared user}. */
    public String label() {
        return label;
    }

    public ReadOnlyBooleanProperty approvedProperty() {
        return approved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
