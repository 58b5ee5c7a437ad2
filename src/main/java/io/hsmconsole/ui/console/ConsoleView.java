package io.hsmconsole.ui.console;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** The console pane: transcript, command line (Up/Down history), masked field for password prompts. */
public final class ConsoleView {
    private final ConsoleViewModel viewModel;
    private final Parent root;

    @FXML private TextArea transcript;
    @FXML private TextField commandField;
    @FXML private SecurePasswordField secretField;
    @FXML private Button runButton;
    @FXML private Label sessionStatus;

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
