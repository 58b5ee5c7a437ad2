package io.hsmconsole.ui.sharing;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The share/unshare dialog for an existing key: the sharing picker plus Apply and Cancel. */
public final class ShareKeyView {
    private final ShareKeyViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private Stage stage;

    @FXML private Label headingLabel;
    @FXML private Label noteLabel;
    @FXML private StackPane pickerHolder;
    @FXML private Label statusLabel;
    @FXML private Button applyButton;
    @FXML private Button cancelButton;

    public ShareKeyView(ShareKeyViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages);
    }

    @FXML
    private void initialize() {
        headingLabel.setText(viewModel.heading());
        noteLabel.setText(viewModel.note());
        pickerHolder.getChildren().setAll(new SharingView(viewModel.sharing(), messages).root());
        statusLabel.setId("shareStatus");
        statusLabel.textProperty().bind(viewModel.statusProperty());
        statusLabel.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        statusLabel.managedProperty().bind(statusLabel.visibleProperty());
        applyButton.disableProperty().bind(viewModel.busyProperty());
        applyButton.setOnAction(e -> viewModel.apply(() -> stage.close()));
        cancelButton.setOnAction(e -> stage.close());
    }

    public void showAndWait(Window owner, Themes themes) {
        stage = Views.window(owner, viewModel.title(), root, themes, true);
        stage.showAndWait();
    }
}
