package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.support.TimeText;
import io.hsmconsole.ui.support.ViewMessages;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The gate key actions pass before a share, unshare, attribute change, use or export of a key
 * with m_value ≥ 2: it collects the approvals in a window, and runs the action once the HSM
 * says the token is complete. Keys without quorum run the action at once. Closing the window or
 * Cancel drops the token and does not run the action.
 */
public final class QuorumApprovalDialog {
    private final QuorumController quorum;
    private final Messages messages;
    private final Themes themes;

    /** {@code messages} is the console's main bundle. */
    public QuorumApprovalDialog(QuorumController quorum, Messages messages, Themes themes) {
        this.quorum = quorum;
        this.messages = ViewMessages.over(messages);
        this.themes = themes;
    }

    /**
     * Runs {@code action} after the approvals it needs. {@code mValue} is the key's m_value as the
     * simulator reported it (KeyRow/KeyDetails); {@code description} names the action for the
     * dialog, e.g. "share key 262150".
     */
    public void thenRun(Window owner, long handle, int mValue, QuorumPurpose purpose, String description,
                        Runnable action) {
        if (mValue < 2) {
            action.run();
            return;
        }
        QuorumApprovalViewModel model = new QuorumApprovalViewModel(quorum, messages, TimeText.local(), handle,
                purpose, description);
        QuorumApprovalView view = new QuorumApprovalView(model, messages);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("quorum.title"));
        Scene scene = new Scene(view.root());
        themes.register(scene);
        stage.setScene(scene);
        view.onCancel(stage::close);
        stage.setOnCloseRequest(e -> model.cancel());
        model.phaseProperty().addListener((obs, old, now) -> {
            if (now == QuorumApprovalViewModel.Phase.COLLECTING) {
                Platform.runLater(view::focusFirstWaiting);
            } else if (model.cleared()) {
                stage.close();
                action.run();
            }
        });
        view.viewModel().approvers().addListener((javafx.collections.ListChangeListener<ApproverRow>) c ->
                stage.sizeToScene());
        model.start();
        stage.show();
    }
}
