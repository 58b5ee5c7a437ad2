package io.hsmconsole.ui.exchange;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.NoticeLabel;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Arrays;

/**
 * The export dialog: where the document goes, the passphrase twice (masked, wiped after use and
 * when the dialog closes), the export running in the background, and its outcome.
 */
public final class ExportClusterView {
    private final ExportClusterViewModel viewModel;
    private final Parent root;
    private Stage stage;

    @FXML private Label headingLabel;
    @FXML private TextField fileValue;
    @FXML private SecurePasswordField passphraseField;
    @FXML private SecurePasswordField confirmField;
    @FXML private Label hintLabel;
    @FXML private Label problemLabel;
    @FXML private Label noticeLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button exportButton;
    @FXML private Button closeButton;

    public ExportClusterView(ExportClusterViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages); // the notices' colours
    }

    @FXML
    private void initialize() {
        headingLabel.setText(viewModel.heading());
        fileValue.setText(viewModel.fileText());
        hintLabel.setText(viewModel.passphraseHint());
        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        problemLabel.setId("passphraseProblem");
        NoticeLabel.bind(noticeLabel, viewModel.noticeProperty());
        noticeLabel.setId("exchangeNotice");
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        passphraseField.textProperty().addListener((obs, old, now) -> typed());
        confirmField.textProperty().addListener((obs, old, now) -> typed());
        passphraseField.disableProperty().bind(viewModel.busyProperty().or(viewModel.exportedProperty()));
        confirmField.disableProperty().bind(passphraseField.disableProperty());
        exportButton.disableProperty().bind(viewModel.canExportProperty().not());
        exportButton.visibleProperty().bind(viewModel.exportedProperty().not());
        exportButton.managedProperty().bind(exportButton.visibleProperty());
        exportButton.setOnAction(e -> export());
        closeButton.setOnAction(e -> stage.close());
    }

    /** Tells the view model the length and whether the two agree; the copies are wiped at once. */
    private void typed() {
        char[] first = passphraseField.password();
        char[] second = confirmField.password();
        viewModel.passphraseTyped(first.length, Arrays.equals(first, second));
        Arrays.fill(first, '\0');
        Arrays.fill(second, '\0');
    }

    private void export() {
        viewModel.export(passphraseField.password()); // takes the array over and wipes it
        passphraseField.wipe();
        confirmField.wipe();
    }

    public void showAndWait(Window owner, Themes themes) {
        stage = Views.window(owner, viewModel.title(), root, themes, true);
        // A notice or a problem line makes the content taller: grow the window so nothing is cut off.
        viewModel.noticeProperty().addListener((obs, old, now) -> Platform.runLater(stage::sizeToScene));
        viewModel.problemProperty().addListener((obs, old, now) -> Platform.runLater(stage::sizeToScene));
        stage.setOnShown(e -> passphraseField.requestFocus());
        stage.setOnHidden(e -> {
            passphraseField.wipe();
            confirmField.wipe();
        });
        stage.showAndWait();
    }
}
