package io.hsmconsole.ui.inspector;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;

/** The inspector's "Public key" tab: what the half is, its other half (a link), the PEM and the fingerprint to copy. */
public final class PublicKeyView {
    private final PublicKeyViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    @FXML private Label summaryLabel;
    @FXML private Pane otherHalfBox;
    @FXML private Label otherHalfValue;
    @FXML private Hyperlink otherHalfLink;
    @FXML private Pane fingerprintBox;
    @FXML private TextField fingerprintField;
    @FXML private Button copyFingerprintButton;
    @FXML private Label fingerprintHint;
    @FXML private Pane pemBox;
    @FXML private TextArea pemArea;
    @FXML private Button copyPemButton;
    @FXML private Label pemHint;

    public PublicKeyView(PublicKeyViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        otherHalfValue.textProperty().bind(viewModel.otherHalfProperty());
        otherHalfLink.setOnAction(e -> viewModel.goToOtherHalf());
        Views.showWhen(viewModel.otherHalfHandleProperty().isNotNull(), otherHalfLink);
        fingerprintField.textProperty().bind(viewModel.fingerprintProperty());
        fingerprintHint.setText(messages.format("pair.fingerprint.hint", viewModel.fingerprintCommand()));
        pemArea.textProperty().bind(viewModel.pemProperty());
        copyPemButton.setOnAction(e -> Views.copy(viewModel.pemProperty().get()));
        copyFingerprintButton.setOnAction(e -> Views.copy(viewModel.fingerprintProperty().get()));
        Views.showWhen(viewModel.isPairProperty(), otherHalfBox, fingerprintBox, fingerprintHint, pemBox, pemHint);
    }

}
