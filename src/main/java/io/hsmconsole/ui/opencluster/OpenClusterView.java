package io.hsmconsole.ui.opencluster;

import io.hsmconsole.controller.ClusterLocation;
import io.hsmconsole.controller.StorePlace;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.NoticeLabel;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.SecurePasswordField;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Arrays;

/**
 * The "Open cluster" dialog: binds its view model; hands the masked password over as a char array
 * for each test or open and wipes it, and wipes the field when the dialog closes.
 */
public final class OpenClusterView {
    private final OpenClusterViewModel viewModel;
    private final Parent root;
    private Stage stage;
    private boolean opened;

    @FXML private Label openIntro;
    @FXML private ToggleGroup storeGroup;
    @FXML private ToggleGroup entryGroup;
    @FXML private ComboBox<ClusterLocation> openRecentBox;
    @FXML private RadioButton openDataFolderChoice;
    @FXML private Label dataFolderHint;
    @FXML private RadioButton openServerChoice;
    @FXML private VBox serverBox;
    @FXML private RadioButton openByUrlChoice;
    @FXML private RadioButton openByFieldsChoice;
    @FXML private GridPane urlGrid;
    @FXML private GridPane fieldsGrid;
    @FXML private TextField openUrlField;
    @FXML private TextField openHostField;
    @FXML private TextField openPortField;
    @FXML private TextField openDatabaseField;
    @FXML private TextField openUserField;
    @FXML private SecurePasswordField openPasswordField;
    @FXML private ComboBox<String> openClusterBox;
    @FXML private Label openProblem;
    @FXML private Label openNotice;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button openTestButton;
    @FXML private Button openButton;
    @FXML private Button openCancelButton;

    public OpenClusterView(OpenClusterViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages);
    }

    @FXML
    private void initialize() {
        openRecentBox.setItems(viewModel.recent());
        openRecentBox.setConverter(Views.converter(viewModel::describe));
        openRecentBox.setDisable(viewModel.recent().isEmpty());
        openRecentBox.valueProperty().addListener((obs, old, now) -> viewModel.pick(now));

        dataFolderHint.setText(viewModel.dataFolderHint());
        storeGroup.selectToggle(viewModel.teamServerProperty().get() ? openServerChoice : openDataFolderChoice);
        storeGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.storeProperty().set(now == openServerChoice ? StorePlace.Kind.TEAM_SERVER : StorePlace.Kind.DATA_FOLDER);
            }
        });
        viewModel.storeProperty().addListener((obs, old, now) ->
                storeGroup.selectToggle(now == StorePlace.Kind.TEAM_SERVER ? openServerChoice : openDataFolderChoice));
        serverBox.disableProperty().bind(viewModel.teamServerProperty().not());

        entryGroup.selectToggle(viewModel.byFieldsProperty().get() ? openByFieldsChoice : openByUrlChoice);
        entryGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.byFieldsProperty().set(now == openByFieldsChoice);
            }
        });
        viewModel.byFieldsProperty().addListener((obs, old, now) ->
                entryGroup.selectToggle(now ? openByFieldsChoice : openByUrlChoice));
        Views.showWhen(viewModel.byFieldsProperty().not(), urlGrid);
        Views.showWhen(viewModel.byFieldsProperty(), fieldsGrid);

        openUrlField.textProperty().bindBidirectional(viewModel.urlProperty());
        openUrlField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                viewModel.urlCommitted();
            }
        });
        openHostField.textProperty().bindBidirectional(viewModel.hostProperty());
        openPortField.textProperty().bindBidirectional(viewModel.portProperty());
        openDatabaseField.textProperty().bindBidirectional(viewModel.databaseProperty());
        openUserField.textProperty().bindBidirectional(viewModel.userProperty());
        viewModel.onPasswordFromUrl(password -> {
            openPasswordField.wipe();
            openPasswordField.insertText(0, new String(password));
            Arrays.fill(password, '\0');
        });

        openClusterBox.setItems(viewModel.clusterChoices());
        openClusterBox.getEditor().textProperty().bindBidirectional(viewModel.clusterProperty());
        openClusterBox.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.clusterProperty().set(now);
            }
        });

        openProblem.textProperty().bind(viewModel.problemProperty());
        Views.showWhen(viewModel.problemProperty().isNotEmpty(), openProblem);
        NoticeLabel.bind(openNotice, viewModel.noticeProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        openTestButton.disableProperty().bind(viewModel.canTryProperty().not());
        openButton.disableProperty().bind(viewModel.canTryProperty().not());
        openTestButton.setOnAction(e -> viewModel.test(openPasswordField.password()));
        openButton.setOnAction(e -> viewModel.open(openPasswordField.password(), () -> {
            opened = true;
            stage.close();
        }));
        openCancelButton.setOnAction(e -> stage.close());
        openIntro.textProperty().bind(viewModel.introProperty());
        openCancelButton.textProperty().bind(viewModel.closeTextProperty());
    }

    /** Shows the dialog and waits; true when a cluster was opened. */
    public boolean showAndWait(Window owner, Themes themes) {
        stage = Views.window(owner, viewModel.title(), root, themes, true);
        // A notice, a problem line or the fields make the content taller: grow the window so nothing is cut off.
        Runnable resize = () -> Platform.runLater(stage::sizeToScene);
        viewModel.noticeProperty().addListener((obs, old, now) -> resize.run());
        viewModel.problemProperty().addListener((obs, old, now) -> resize.run());
        viewModel.byFieldsProperty().addListener((obs, old, now) -> resize.run());
        stage.setOnShown(e -> {
            stage.sizeToScene();
            (viewModel.teamServerProperty().get() ? openPasswordField : openClusterBox.getEditor()).requestFocus();
        });
        stage.setOnHidden(e -> openPasswordField.wipe());
        stage.showAndWait();
        return opened;
    }
}
