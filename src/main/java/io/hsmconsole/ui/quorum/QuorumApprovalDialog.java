package io.hsmconsole.ui.quorum;

import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.TimeText;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The console's quorum gate: a window that collects the approvals for a refused action on a key
 * with m_value ≥ 2, over the window the user acted in (the share dialog, the main window). When
 * the HSM says the tokens are complete the window closes and the action runs again; Cancel or
 * closing the window drops the tokens and runs nothing.
 */
public final class QuorumApprovalDialog implements QuorumGate {
    private final QuorumController quorum;
    private final Messages messages;
    private final Themes themes;
    private final Supplier<Window> mainWindow;

    /** {@code mainWindow} owns the dialog when no window has the focus. */
    public QuorumApprovalDialog(QuorumController quorum, Messages messages, Themes themes, Supplier<Window> mainWindow) {
        this.quorum = quorum;
        this.messages = messages;
        this.themes = themes;
        this.mainWindow = mainWindow;
    }

    @Override
    public void approve(QuorumRequest request, Consumer<QuorumPass> approved, Runnable cancelled) {
        QuorumApprovalViewModel model = new QuorumApprovalViewModel(quorum, messages, TimeText.local(), request);
        QuorumApprovalView view = new QuorumApprovalView(model, messages);
        Stage stage = new Stage();
        stage.initOwner(owner());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("quorum.title"));
        Scene scene = new Scene(view.root());
        themes.register(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> model.cancel());
        model.phaseProperty().addListener((obs, old, now) -> {
            switch (now) {
                case COLLECTING -> Platform.runLater(view::focusFirstWaiting);
                case APPROVED, NOT_REQUIRED -> {
                    stage.close();
                    approved.accept(model.pass());
                }
                case CANCELLED -> {
                    stage.close();
                    cancelled.run();
                }
                default -> { }
            }
        });
        model.approvers().addListener((ListChangeListener<ApproverRow>) c -> stage.sizeToScene());
        model.noticeProperty().addListener((obs, old, now) -> Platform.runLater(stage::sizeToScene));
        model.start();
        if (!model.cleared() && model.phaseProperty().get() != QuorumApprovalViewModel.Phase.CANCELLED) {
            stage.show();
        }
    }

    /** The window the user is working in, so that the dialog stays in front of a modal one. */
    private Window owner() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst().orElseGet(mainWindow);
    }
}
