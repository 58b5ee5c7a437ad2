package io.hsmconsole.ui.main;

import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.ui.common.FileKind;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.console.ConsoleView;
import io.hsmconsole.ui.console.ConsoleViewModel;
import io.hsmconsole.ui.inspector.InspectorView;
import io.hsmconsole.ui.inspector.PublicKeyViewModel;
import io.hsmconsole.ui.keylist.KeyListView;
import io.hsmconsole.ui.overview.ClusterOverviewView;
import io.hsmconsole.ui.overview.ClusterOverviewViewModel;
import io.hsmconsole.ui.trykey.TryKeyView;
import io.hsmconsole.ui.trykey.TryKeyViewModel;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The main window: menu bar with accelerators, the key list beside the attribute inspector for a
 * crypto user (the cluster overview otherwise), and the status bar. Binds and opens windows.
 */
public final class MainView {
    private final MainViewModel viewModel;
    private final ConsoleContext ctx;
    private final Messages messages;
    private final Windows windows;
    private final ClusterOverviewViewModel overviewModel;
    private final ClusterOverviewView overview;
    private final Parent root;
    // Built on the first crypto-user login: their FXML is not needed for the first frame.
    private KeyListView keyList;
    private InspectorView inspector;
    private SplitPane keysScreen;
    private final ConsoleViewModel consoleModel;
    private ConsoleView console;

    @FXML private BorderPane rootPane;
    @FXML private StackPane content;
    @FXML private SplitPane centerSplit;
    @FXML private MenuItem consoleItem;
    @FXML private Label clusterStatus;
    @FXML private Label nodeStatus;
    @FXML private Label userStatus;
    @FXML private Label roleStatus;
    @FXML private Label keyStatus;
    @FXML private Label consoleStatus;
    @FXML private Separator consoleStatusSeparator;
    @FXML private MenuItem loginItem;
    @FXML private MenuItem openClusterItem;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem importItem;
    @FXML private Menu keysMenu;
    @FXML private MenuItem newKeyItem;
    @FXML private MenuItem shareItem;
    @FXML private MenuItem deleteItem;
    @FXML private MenuItem saveAttributesItem;
    @FXML private MenuItem compareItem;
    @FXML private MenuItem refreshItem;
    @FXML private MenuItem filterItem;
    @FXML private MenuItem keyTableItem;
    @FXML private Menu columnsMenu;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private ToggleGroup themeGroup;

    public MainView(MainViewModel viewModel, ConsoleContext ctx) {
        this.viewModel = viewModel;
        this.ctx = ctx;
        this.messages = ctx.messages();
        this.windows = new Windows(ctx);
        this.overviewModel = new ClusterOverviewViewModel(ctx.cluster(), messages);
        this.overview = new ClusterOverviewView(overviewModel, messages, this::toggleLogin);
        this.consoleModel = new ConsoleViewModel(ctx.console(), ctx.workspace(), messages);
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        clusterStatus.textProperty().bind(viewModel.clusterStatusProperty());
        nodeStatus.textProperty().bind(viewModel.nodeStatusProperty());
        userStatus.textProperty().bind(viewModel.userStatusProperty());
        roleStatus.textProperty().bind(viewModel.roleStatusProperty());
        keyStatus.textProperty().bind(viewModel.keyStatusProperty());
        consoleStatus.textProperty().bind(consoleModel.statusBarTextProperty());
        consoleStatus.visibleProperty().bind(consoleModel.statusBarTextProperty().isNotEmpty());
        consoleStatus.managedProperty().bind(consoleStatus.visibleProperty());
        consoleStatusSeparator.visibleProperty().bind(consoleStatus.visibleProperty());
        consoleStatusSeparator.managedProperty().bind(consoleStatus.visibleProperty());

        loginItem.textProperty().bind(viewModel.loginMenuTextProperty());
        consoleItem.setAccelerator(new KeyCodeCombination(KeyCode.BACK_QUOTE, KeyCombination.SHORTCUT_DOWN));
        consoleItem.disableProperty().bind(viewModel.clusterOpenProperty().not());
        var notCryptoUser = viewModel.cryptoUserProperty().not();
        var noKey = viewModel.inspector().hasKeyProperty().not();
        newKeyItem.disableProperty().bind(notCryptoUser);
        refreshItem.disableProperty().bind(notCryptoUser);
        filterItem.disableProperty().bind(notCryptoUser);
        keyTableItem.disableProperty().bind(notCryptoUser);
        compareItem.disableProperty().bind(notCryptoUser.or(viewModel.whyNoCompareProperty().isNotEmpty()));
        columnsMenu.disableProperty().bind(notCryptoUser);
        shareItem.disableProperty().bind(notCryptoUser.or(viewModel.inspector().whyNoSharingProperty().isNotEmpty()));
        deleteItem.disableProperty().bind(notCryptoUser.or(noKey));
        saveAttributesItem.disableProperty().bind(notCryptoUser.or(noKey));
        loginItem.disableProperty().bind(viewModel.clusterOpenProperty().not());
        exportItem.disableProperty().bind(viewModel.clusterOpenProperty().not());
        importItem.disableProperty().bind(viewModel.clusterOpenProperty().not());
        overview.loginButton().disableProperty().bind(viewModel.clusterOpenProperty().not());
        overview.offerOpenCluster(this::openCluster);
        overview.loginButton().visibleProperty().bind(viewModel.loggedInProperty().not());
        overview.loginButton().managedProperty().bind(overview.loginButton().visibleProperty());
        viewModel.cryptoUserProperty().addListener((obs, old, now) -> showScreen(now));
        viewModel.loggedInProperty().addListener((obs, old, now) -> {
            if (!now) {
                windows.closeKeyGen();
            }
        });
        showScreen(viewModel.cryptoUserProperty().get());

        Themes themes = ctx.themes();
        lightThemeItem.setSelected(themes.themeProperty().get() == Themes.Theme.LIGHT);
        darkThemeItem.setSelected(themes.themeProperty().get() == Themes.Theme.DARK);
        themeGroup.selectedToggleProperty().addListener((obs, old, now) ->
                themes.themeProperty().set(now == darkThemeItem ? Themes.Theme.DARK : Themes.Theme.LIGHT));
    }

    private void showScreen(boolean keys) {
        content.getChildren().setAll(keys ? keysScreen() : overview.root());
        if (keys) {
            Platform.runLater(keyList::focusTable);
        }
    }

    private SplitPane keysScreen() {
        if (keysScreen == null) {
            keyList = new KeyListView(viewModel.keyList(), messages, this::newKey);
            inspector = new InspectorView(viewModel.inspector(), messages);
            inspector.onShare(this::share);
            inspector.onCompare(this::compare, viewModel.whyNoCompareProperty());
            TryKeyViewModel tryKey = new TryKeyViewModel(ctx.keyUse(), messages, ctx.approvals(), ctx.dialogs());
            PublicKeyViewModel publicKey = new PublicKeyViewModel(ctx.keys().pairs(), messages,
                    handle -> viewModel.keyList().select(handle));
            viewModel.inspector().detailsProperty().addListener((obs, old, key) -> {
                tryKey.show(key);
                publicKey.show(key);
            });
            publicKey.factsProperty().addListener((obs, old, facts) -> tryKey.showPair(facts));
            viewModel.loggedInProperty().addListener((obs, old, now) -> {
                if (!now) {
                    tryKey.forget(); // the next user must not find this one's data or results
                    publicKey.forget();
                }
            });
            inspector.showPublicKey(publicKey);
            inspector.showTryKey(new TryKeyView(tryKey, messages).root());
            columnsMenu.getItems().setAll(keyList.columnMenuItems());
            keysScreen = new SplitPane(keyList.root(), inspector.root());
            keysScreen.setOrientation(Orientation.VERTICAL); // both want the full width; the list gets the top
            keysScreen.setDividerPositions(0.42);
        }
        return keysScreen;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Shows or hides the key_mgmt_util pane under the current screen. */
    @FXML
    private void toggleConsole() {
        if (console == null) {
            console = new ConsoleView(consoleModel, messages);
        }
        if (centerSplit.getItems().contains(console.root())) {
            centerSplit.getItems().remove(console.root());
            return;
        }
        centerSplit.getItems().add(console.root());
        centerSplit.setDividerPositions(0.66);
        console.shown();
    }

    @FXML
    private void toggleLogin() {
        if (viewModel.loggedInProperty().get()) {
            viewModel.logout();
        } else {
            windows.login(window(), null);
        }
    }

    /** File → Open cluster: this machine's data folder or a team's server, and which cluster. */
    @FXML
    private void openCluster() {
        windows.openCluster(window());
    }

    /**
     * The cluster the console was started on cannot be opened ({@code failure}): the Open cluster
     * dialog over this window, filled with what was asked for and saying why, so that the user can
     * correct the server or its password, or choose this machine's data folder; true when a cluster
     * was opened with it, false when the user closed it (and so chose to quit).
     */
    public boolean openClusterAtStart(Throwable failure, char[] password) {
        viewModel.noClusterOpen(); // no longer "opening": until the dialog opens one, there is none
        overviewModel.noClusterOpen();
        return windows.openClusterAtStart(window(), failure, password);
    }

    /** File → Export cluster: where to, through the dialog service; then the passphrase dialog. */
    @FXML
    private void exportCluster() {
        String name = ctx.exchange().openClusterName();
        if (name != null) {
            ctx.dialogs().chooseSaveFile(messages.get("exchange.export.choose"),
                    messages.format("exchange.export.file", name), exportDocuments()).ifPresent(file -> windows.exportCluster(window(), file));
        }
    }

    private FileKind exportDocuments() {
        return FileKind.of(messages.get("file.kind.exportDocument"), "*.json");
    }

    /** File → Import cluster: which file, the name and passphrase; then offers to log in to the new cluster. */
    @FXML
    private void importCluster() {
        ctx.dialogs().chooseOpenFile(messages.get("exchange.import.choose"), exportDocuments())
                .flatMap(file -> windows.importCluster(window(), file))
                .filter(imported -> ctx.dialogs().confirm(messages.get("exchange.import.openTitle"),
                        messages.format("exchange.import.open", imported.clusterName())))
                .ifPresent(imported -> windows.login(window(), imported.clusterName()));
    }

    @FXML
    private void newKey() {
        if (viewModel.cryptoUserProperty().get()) {
            windows.keyGen(window(), viewModel::keyGenerated);
        }
    }

    @FXML
    private void share() {
        KeyDetails key = viewModel.inspector().detailsProperty().get();
        if (key != null) {
            windows.share(window(), key);
        }
    }

    @FXML
    private void delete() {
        viewModel.deleteSelected();
    }

    @FXML
    private void saveAttributes() {
        viewModel.inspector().saveKmuAttributeFile();
    }

    @FXML
    private void showCluster() {
        windows.cluster(window());
    }

    @FXML
    private void showUsers() {
        windows.users(window());
    }

    @FXML
    private void showAudit() {
        windows.audit(window());
    }

    @FXML
    private void compare() {
        if (keyList != null) {
            viewModel.compare(keyList.selectedRows(), comparison -> windows.compare(window(), comparison));
        }
    }

    @FXML
    private void refresh() {
        viewModel.keyList().reload();
        viewModel.inspector().refresh();
    }

    @FXML
    private void focusFilter() {
        if (keyList != null) {
            keyList.focusFilter();
        }
    }

    @FXML
    private void focusKeyTable() {
        if (keyList != null) {
            keyList.focusTable();
        }
    }

    @FXML
    private void showShortcuts() {
        ctx.dialogs().inform(messages.get("help.shortcuts.title"), messages.get("help.shortcuts.text"));
    }

    @FXML
    private void showAbout() {
        ctx.dialogs().inform(messages.get("help.about.title"), messages.format("help.about.text",
                io.hsmconsole.ui.common.BuildInfo.version()));
    }

    /** Whether the console may quit now: work that would be lost (an open key form) is asked about first. */
    public boolean mayQuit() {
        return windows.mayQuit();
    }

    @FXML
    private void exit() {
        if (mayQuit()) {
            Platform.exit();
        }
    }
}
