package io.hsmconsole.ui.main;

import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.overview.ClusterOverviewView;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The main window: menu bar, the current screen, and the status bar. Binds only. */
public final class MainView {
    private final MainViewModel viewModel;
    private final Themes themes;
    private final ClusterOverviewView overview;
    private final Parent root;

    @FXML private BorderPane rootPane;
    @FXML private StackPane content;
    @FXML private Label clusterStatus;
    @FXML private Label nodeStatus;
    @FXML private Label userStatus;
    @FXML private Label roleStatus;
    @FXML private Label keyStatus;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private ToggleGroup themeGroup;

    public MainView(MainViewModel viewModel, Messages messages, Themes themes, ClusterOverviewView overview) {
        this.viewModel = viewModel;
        this.themes = themes;
        this.overview = overview;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        clusterStatus.textProperty().bind(viewModel.clusterStatusProperty());
        nodeStatus.textProperty().bind(viewModel.nodeStatusProperty());
        userStatus.textProperty().bind(viewModel.userStatusProperty());
        roleStatus.textProperty().bind(viewModel.roleStatusProperty());
        keyStatus.textProperty().bind(viewModel.keyStatusProperty());
        content.getChildren().setAll(overview.root());
        lightThemeItem.setSelected(themes.themeProperty().get() == Themes.Theme.LIGHT);
        darkThemeItem.setSelected(themes.themeProperty().get() == Themes.Theme.DARK);
        themeGroup.selectedToggleProperty().addListener((obs, old, now) ->
                themes.themeProperty().set(now == darkThemeItem ? Themes.Theme.DARK : Themes.Theme.LIGHT));
    }

    @FXML
    private void exit() {
        Platform.exit();
    }
}
