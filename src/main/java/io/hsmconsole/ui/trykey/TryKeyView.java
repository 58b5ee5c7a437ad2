package io.hsmconsole.ui.trykey;

import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.NoticeLabel;
import io.hsmconsole.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;


/**
 * The "try the key" panel of the inspector: operation, mechanism or IV as the operation needs,
 * the data (text or hex), the run button with the key_mgmt_util command it equals, what happened,
 * and the result in hex. Ctrl+Enter in the data runs it.
 */
public final class TryKeyView {
    private final TryKeyViewModel viewModel;
    private final Messages messages;
    private final Parent root;

    @FXML private Label tryHeadingLabel;
    @FXML private ComboBox<TryOperation> operationBox;
    @FXML private Label mechanismLabel;
    @FXML private ComboBox<SignMechanism> mechanismBox;
    @FXML private Label ivLabel;
    @FXML private TextField ivField;
    @FXML private TextArea tryDataArea;
    @FXML private ChoiceBox<DataFormat> formatBox;
    @FXML private Label dataInfoLabel;
    @FXML private Label signatureLabel;
    @FXML private TextField signatureField;
    @FXML private Button tryRunButton;
    @FXML private TextField tryCommandField;
    @FXML private Label noticeLabel;
    @FXML private Label resultLabel;
    @FXML private Button followButton;
    @FXML private TextArea tryResultArea;
    @FXML private javafx.scene.layout.Pane opensslBox;
    @FXML private TextField opensslField;
    @FXML private Button copyOpensslButton;
    @FXML private Button saveOpensslButton;
    @FXML private Label opensslStatus;

    public TryKeyView(TryKeyViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages); // the notices' colours
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        tryHeadingLabel.textProperty().bind(viewModel.headingProperty());
        operationBox.setItems(viewModel.operations());
        operationBox.setConverter(Views.converter(viewModel::operationName));
        operationBox.valueProperty().bindBidirectional(viewModel.operationProperty());
        mechanismBox.setItems(viewModel.mechanisms());
        mechanismBox.setConverter(Views.converter(TryKeyViewModel::mechanismName));
        mechanismBox.valueProperty().bindBidirectional(viewModel.mechanismProperty());
        formatBox.getItems().setAll(DataFormat.values());
        formatBox.setConverter(Views.converter(f -> messages.get(f.messageKey())));
        formatBox.valueProperty().bindBidirectional(viewModel.formatProperty());
        formatBox.setAccessibleText(messages.get("trykey.data"));
        tryDataArea.textProperty().bindBidirectional(viewModel.dataProperty());
        tryDataArea.getStyleClass().add("mono");
        dataInfoLabel.textProperty().bind(viewModel.dataInfoProperty());
        ivField.textProperty().bindBidirectional(viewModel.ivProperty());
        signatureField.textProperty().bindBidirectional(viewModel.signatureProperty());
        tryCommandField.textProperty().bind(viewModel.commandProperty());
        tryCommandField.setAccessibleText(messages.get("trykey.command"));

        BooleanBinding hmac = Bindings.createBooleanBinding(() -> viewModel.operationProperty().get().isHmac(),
                viewModel.operationProperty());
        BooleanBinding verify = Bindings.createBooleanBinding(
                () -> viewModel.operationProperty().get() == TryOperation.VERIFY, viewModel.operationProperty());
        Views.showWhen(hmac, mechanismLabel, mechanismBox);
        Views.showWhen(hmac.not(), ivLabel, ivField);
        Views.showWhen(verify, signatureLabel, signatureField);

        tryRunButton.textProperty().bind(Bindings.createStringBinding(() -> messages.get("trykey.run."
                + viewModel.operationProperty().get().name().toLowerCase(java.util.Locale.ROOT)),
                viewModel.operationProperty()));
        tryRunButton.disableProperty().bind(viewModel.canRunProperty().not());
        tryRunButton.setOnAction(e -> viewModel.run());
        tryDataArea.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                viewModel.run();
                e.consume();
            }
        });
        NoticeLabel.bind(noticeLabel, viewModel.noticeProperty());
        noticeLabel.setId("tryNotice");
        tryResultArea.textProperty().bind(viewModel.resultProperty());
        followButton.textProperty().bind(Bindings.createStringBinding(() -> viewModel.followProperty().get() == null
                ? "" : messages.get("trykey.follow." + viewModel.followProperty().get().name()
                .toLowerCase(java.util.Locale.ROOT)), viewModel.followProperty()));
        Views.showWhen(viewModel.followProperty().isNotNull(), followButton);
        followButton.setOnAction(e -> viewModel.followUp());
        OpenSslCheck openssl = viewModel.openssl();
        Views.showWhen(openssl.availableProperty(), opensslBox, opensslStatus);
        opensslField.textProperty().bind(openssl.commandProperty());
        opensslStatus.textProperty().bind(openssl.statusProperty());
        copyOpensslButton.setOnAction(e -> Views.copy(openssl.commandProperty().get()));
        saveOpensslButton.setOnAction(e -> openssl.save());
    }
}
