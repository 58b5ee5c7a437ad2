package io.hsmconsole.ui.console;

import io.hsmconsole.controller.ConsoleLanguage;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * The console pane: which shell it runs (key_mgmt_util or CloudHSM CLI), transcript, command line
 * (Up/Down history), masked field for password prompts.
 */
public final class ConsoleView {
    private final ConsoleViewModel viewModel;
    private final Parent root;

    @FXML private TextArea transcript;
    @FXML private TextField commandField;
    @FXML private SecurePasswordField secretField;
    @FXML private Button runButton;
    @FXML private Label sessionStatus;
    @FXML private HBox languageSwitch;
    @FXML private ToggleGroup languages;
    @FXML private ToggleButton kmuLanguage;
    @FXML private ToggleButton cliLanguage;

    public ConsoleView(ConsoleViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        transcript.textProperty().addListener((obs, old, now) -> transcript.positionCaret(now.length()));
        transcript.setText(viewModel.transcriptProperty().get());
        viewModel.transcriptProperty().addListener((obs, old, now) -> {
            if (now.startsWith(old)) {
                transcript.appendText(now.substring(old.length())); // keeps the view at the end cheaply
            } else {
                transcript.setText(now);
            }
        });
        sessionStatus.textProperty().bind(viewModel.sessionStatusProperty());
        kmuLanguage.setUserData(ConsoleLanguage.KEY_MGMT_UTIL);
        cliLanguage.setUserData(ConsoleLanguage.CLOUDHSM_CLI);
        (viewModel.languageProperty().get() == ConsoleLanguage.CLOUDHSM_CLI ? cliLanguage : kmuLanguage).setSelected(true);
        languages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always chosen
            } else {
                viewModel.languageProperty().set((ConsoleLanguage) now.getUserData());
                commandField.requestFocus();
            }
        });
        // A password prompt belongs to the running shell: no switching until it is answered.
        languageSwitch.disableProperty().bind(viewModel.secretWantedProperty());
        commandField.promptTextProperty().bind(viewModel.commandPromptProperty());
        commandField.textProperty().bindBidirectional(viewModel.inputProperty());
        commandField.setOnAction(e -> viewModel.submit());
        commandField.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP) {
                viewModel.historyUp();
                commandField.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                viewModel.historyDown();
                commandField.end();
                e.consume();
            }
        });
        secretField.setOnAction(e -> {
            char[] secret = secretField.password();
            secretField.wipe();
            viewModel.submitSecret(secret);
        });
        secretField.visibleProperty().bind(viewModel.secretWantedProperty());
        secretField.managedProperty().bind(secretField.visibleProperty());
        commandField.visibleProperty().bind(viewModel.secretWantedProperty().not());
        commandField.managedProperty().bind(commandField.visibleProperty());
        viewModel.secretWantedProperty().addListener((obs, old, wanted) ->
                (wanted ? secretField : commandField).requestFocus());
        runButton.setOnAction(e -> {
            if (viewModel.secretWantedProperty().get()) {
                secretField.fireEvent(new javafx.event.ActionEvent());
            } else {
                viewModel.submit();
            }
        });
    }

    /** Shows the pane: the shell starts the first time, and the command line takes the focus. */
    public void shown() {
        viewModel.start();
        (viewModel.secretWantedProperty().get() ? secretField : commandField).requestFocus();
    }
}
