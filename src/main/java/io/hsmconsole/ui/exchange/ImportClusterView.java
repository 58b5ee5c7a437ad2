package io.hsmconsole.ui.exchange;

import io.hsmconsole.controller.ExchangeOutcome;
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

import java.util.Optional;

/**
 * The import dialog: the document, the new cluster's name (checked as typed), the passphrase
 * (masked, wiped after every attempt), the import in the background. It closes once the cluster
 * exists and tells its opener which one.
 */
public final class ImportClusterView {
    private final ImportClusterViewModel viewModel;
    private final Parent root;
    private Stage stage;
    private ExchangeOutcome imported;

    @FXML private TextField fileValue;
    @FXML private TextField nameField;
    @FXML private Label nameProblemLabel;
    @FXML private SecurePasswordField passphraseField;
    @FXML private Label noticeLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button importButton;
    @FXML private Button closeButton;

    public ImportClusterView(ImportClusterViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages); // the notices' colours
    }

    @FXML
    private void initialize() {
        fileValue.setText(viewModel.fileText());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        nameProblemLabel.textProperty().bind(viewModel.nameProblemProperty());
        nameProblemLabel.visibleProperty().bind(viewModel.nameProblemProperty().isNotEmpty());
        nameProblemLabel.managedProperty().bind(nameProblemLabel.visibleProperty());
        nameProblemLabel.setId("nameProblem");
        passphraseField.textProperty().addListener((obs, old, now) ->
                viewModel.passphraseEnteredProperty().set(!now.isEmpty()));
        passphraseField.disableProperty().bind(viewModel.busyProperty());
        nameField.disableProperty().bind(viewModel.busyProperty());
        NoticeLabel.bind(noticeLabel, viewModel.noticeProperty());
        noticeLabel.setId("exchangeNotice");
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        importButton.setOnAction(e -> importCluster());
        closeButton.setOnAction(e -> stage.close());
    }

    private void importCluster() {
        viewModel.importCluster(passphraseField.password(), outcome -> { // takes the array over and wipes it
            imported = outcome;
            stage.close();
        });
        passphraseField.wipe();
    }

    /** Shows the dialog and waits; the imported cluster, or empty when the user closed it first. */
    public Optional<ExchangeOutcome> showAndWait(Window owner, Themes themes) {
        stage = Views.window(owner, viewModel.title(), root, themes, true);
        // A notice or a problem line makes the content taller: grow the window so nothing is cut off.
        viewModel.noticeProperty().addListener((obs, old, now) -> Platform.runLater(stage::sizeToScene));
        viewModel.nameProblemProperty().addListener((obs, old, now) -> Platform.runLater(stage::sizeToScene));
        stage.setOnShown(e -> passphraseField.requestFocus());
        stage.setOnHidden(e -> passphraseField.wipe());
        stage.showAndWait();
        return Optional.ofNullable(imported);
    }
}
