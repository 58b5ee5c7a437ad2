package io.hsmconsole.ui.login;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The login dialog. Binds to its view model; hands the password over as a char array and wipes it. */
public final class LoginView {
    private final LoginViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private Stage stage;

    @FXML private ComboBox<String> clusterBox;
    @FXML private TextField userField;
    @FXML private SecurePasswordField passwordField;
    @FXML private Label demoHint;
    @FXML private Label errorLabel;
    @FXML private Button loginButton;
    @FXML private Button cancelButton;
    @FXML private Button otherClusterButton;
    @FXML private ProgressIndicator busyIndicator;

    public LoginView(LoginViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages);
    }

    @FXML
    private void initialize() {
        clusterBox.setItems(viewModel.clusters());
        clusterBox.valueProperty().bindBidirectional(viewModel.clusterProperty());
        userField.textProperty().bindBidirectional(viewModel.userNameProperty());
        passwordField.textProperty().addListener((obs, old, now) -> viewModel.passwordEnteredProperty()
                .set(!now.isEmpty()));
        demoHint.setText(viewModel.demoHint());
        demoHint.visibleProperty().bind(viewModel.demoClusterProperty());
        demoHint.managedProperty().bind(demoHint.visibleProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        loginButton.disableProperty().bind(viewModel.canLogInProperty().not());
        loginButton.setOnAction(e -> logIn());
        cancelButton.setOnAction(e -> close());
        otherClusterButton.setVisible(viewModel.mayOpenCluster());
        otherClusterButton.setManaged(viewModel.mayOpenCluster());
        otherClusterButton.setOnAction(e -> {
            close();
            viewModel.openCluster();
        });
    }

    private void logIn() {
        char[] password = passwordField.password();
        viewModel.logIn(password, this::close); // takes the array over and wipes it
        passwordField.wipe();
    }

    /** Shows the dialog over the main window and waits until it is closed. */
    public void showAndWait(Window owner, Themes themes) {
        stage = Views.window(owner, messages.get("login.title"), root, themes, true);
        // The window grows with an error or hint that needs more lines, rather than cutting it off.
        viewModel.errorProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(stage::sizeToScene));
        stage.setOnShown(e -> {
            stage.sizeToScene(); // now that CSS gave the wrapped hint its font: all of its lines
            (viewModel.userNameProperty().get().isBlank() ? userField : passwordField).requestFocus();
        });
        stage.showAndWait();
    }

    private void close() {
        passwordField.wipe();
        if (stage != null) {
            stage.close();
        }
    }
}
