package io.hsmconsole.app;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.NodeController;
import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.controller.FxTaskRunner;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.ui.common.FxDialogService;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.main.ConsoleContext;
import io.hsmconsole.ui.main.MainView;
import io.hsmconsole.ui.main.MainViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.util.function.Consumer;

/**
 * The desktop console: opens the cluster catalog of the data directory ({@code --data-dir},
 * {@code HSM_CONSOLE_DATA} or the platform default), creating the demo cluster on first start,
 * and shows the main window over it. Wiring is plain constructor injection.
 */
public final class ConsoleApp extends Application {
    private final FxTaskRunner runner = new FxTaskRunner();
    private SessionController sessions;
    private TaskHandle watcher = TaskHandle.DONE;

    @Override
    public void start(Stage stage) {
        Messages messages = Messages.load();
        HsmErrors errors = new HsmErrors(messages);
        ClusterCatalog catalog;
        HsmCluster cluster;
        try {
            LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
            catalog = new ClusterCatalog(DataDirectory.fromSystem(options.dataDir()), HsmClock.SYSTEM);
            cluster = catalog.openOrCreateDemo();
        } catch (RuntimeException e) {
            failToStart(messages, errors, e);
            return;
        }
        Themes themes = new Themes();
        FxDialogService dialogs = new FxDialogService(() -> stage, messages, themes);
        Consumer<Throwable> onError = e -> dialogs.showError(errors.report(e));

        Workspace workspace = new Workspace(catalog, cluster);
        sessions = new SessionController(workspace, runner, onError);
        KeyController keys = new KeyController(workspace, runner, onError);
        ClusterController clusterController = new ClusterController(workspace, runner, onError);
        ConsoleContext ctx = new ConsoleContext(workspace, sessions, keys, clusterController,
                new NodeController(workspace, runner, onError, clusterController),
                new UserAdminController(workspace, runner, onError, clusterController),
                new AuditController(workspace, runner, onError), messages, themes, dialogs);

        MainViewModel mainModel = new MainViewModel(workspace, sessions, keys, clusterController, messages, dialogs);
        MainView main = new MainView(mainModel, ctx);

        Scene scene = new Scene(main.root());
        themes.register(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(mainModel.titleProperty());
        StartupProbe.attach(scene);
        stage.show();
        watcher = clusterController.watch();
    }

    private static void failToStart(Messages messages, HsmErrors errors, RuntimeException e) {
        System.err.println("hsm-key-console: " + e.getMessage());
        Alert alert = new Alert(Alert.AlertType.ERROR, errors.report(e).sentence());
        alert.setTitle(messages.get("error.start.title"));
        alert.setHeaderText(messages.get("error.start.title"));
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        watcher.cancel();
        runner.close();
        if (sessions != null) {
            sessions.shutdown(); // session keys vanish; the store closes
        }
    }
}
