package io.hsmconsole.ui.quorum;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.NoticeLabel;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The approval dialog's content: the eligible approvers, each with a password field and an Approve
 * button, the approvals collected against those required, and Cancel (which ends the approval: its
 * host closes when the phase says CANCELLED). Hosted in a window by {@link QuorumApprovalDialog}.
 */
public final class QuorumApprovalView {
    private final QuorumApprovalViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    @FXML private Label headingLabel;
    @FXML private Label explanationLabel;
    @FXML private Label approversLabel;
    @FXML private GridPane approverGrid;
    @FXML private Label progressLabel;
    @FXML private Label noticeLabel;
    @FXML private Button cancelButton;

    public QuorumApprovalView(QuorumApprovalViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    public QuorumApprovalViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        headingLabel.textProperty().bind(viewModel.headingProperty());
        explanationLabel.textProperty().bind(viewModel.explanationProperty());
        progressLabel.textProperty().bind(viewModel.progressProperty());
        progressLabel.setId("quorumProgress");
        NoticeLabel.bind(noticeLabel, viewModel.noticeProperty());
        noticeLabel.setId("quorumNotice");
        approversLabel.setLabelFor(approverGrid);
        cancelButton.setOnAction(e -> viewModel.cancel());
        showApprovers();
        viewModel.approvers().addListener((ListChangeListener<ApproverRow>) c -> showApprovers());
    }

    private void showApprovers() {
        approverGrid.getChildren().clear();
        int line = 0;
        for (ApproverRow row : viewModel.approvers()) {
            String name = row.user().name();
            Label who = new Label(row.label());
            Label status = new Label();
            status.setId("approver-status-" + name);
            status.textProperty().bind(row.statusProperty());
            SecurePasswordField password = new SecurePasswordField();
            password.setId("approver-password-" + name);
            password.setAccessibleText(messages.format("quorum.password.a11y", name));
            who.setLabelFor(password);
            Button approve = new Button(messages.get("quorum.approve"));
            approve.setId("approve-" + name);
            approve.setAccessibleText(messages.format("quorum.approve.a11y", name));
            Runnable submit = () -> {
                viewModel.approve(row, password.password());
                password.wipe();
            };
            approve.setOnAction(e -> submit.run());
            password.setOnAction(e -> submit.run());
            password.disableProperty().bind(row.approvedProperty());
            approve.disableProperty().bind(row.approvedProperty());
            style(status, row.approvedProperty().get());
            row.approvedProperty().addListener((obs, old, now) -> {
                style(status, now);
                Platform.runLater(this::focusFirstWaiting); // on to the next approver
            });
            approverGrid.addRow(line++, who, status, password, approve);
        }
    }

    private static void style(Label status, boolean approved) {
        status.getStyleClass().removeAll("approver-approved", "approver-pending");
        status.getStyleClass().add(approved ? "approver-approved" : "approver-pending");
    }

    /** Puts the keyboard in the first approver's password field that still waits. */
    void focusFirstWaiting() {
        viewModel.approvers().stream().filter(r -> !r.approvedProperty().get()).findFirst()
                .map(r -> root.lookup("#approver-password-" + r.user().name()))
                .ifPresent(javafx.scene.Node::requestFocus);
    }
}
