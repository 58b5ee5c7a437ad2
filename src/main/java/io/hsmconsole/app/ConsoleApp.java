package io.hsmconsole.app;

import io.hsmconsole.controller.BackgroundWork;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ConsoleController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.StorePlace;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.ErrorReport;
import io.hsmconsole.ui.common.FxDialogService;
import io.hsmconsole.ui.common.FxTaskRunner;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.main.ConsoleContext;
import io.hsmconsole.ui.main.MainView;
import io.hsmconsole.ui.main.MainViewModel;
import org.slf4j.LoggerFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The desktop console: opens the cluster catalog of the data directory ({@code --data-dir},
 * {@code HSM_CONSOLE_DATA} or the platform default), creating the demo cluster on first start,
 * and shows the main window over it. Wiring is plain constructor injection.
 */
public final class ConsoleApp extends Application {
    static {
        // Before any logger exists, however the class is started: ConsoleLauncher, or JavaFX's own
        // launcher under `./mvnw javafx:run`, which names this class and would leave slf4j at INFO.
        Logging.forTools();
    }

    private final FxTaskRunner runner = new FxTaskRunner();
    private final HsmClock clock;
    private final List<String> commandLine;
    private final Runnable quit;
    private SessionController sessions;
    private MainView main;
    private ConsoleController console;
    private TaskHandle watcher = TaskHandle.DONE;

    /** The console on the wall clock, with the command line it was launched with. */
    public ConsoleApp() {
        this(HsmClock.SYSTEM, null, Platform::exit);
    }

    /**
     * For tests of the whole window: the simulator's time comes from {@code clock} (a manual clock keeps
     * replication and {@code -timeout} off the wall clock) and {@code commandLine} replaces the launch
     * arguments; {@code quit} is what quitting from the start-up Open cluster dialog does.
     */
    ConsoleApp(HsmClock clock, List<String> commandLine, Runnable quit) {
        this.clock = clock;
        this.commandLine = commandLine == null ? null : List.copyOf(commandLine);
        this.quit = quit;
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("fxStart");
        Messages messages = Messages.load();
        HsmErrors errors = new HsmErrors(messages);
        Themes themes = new Themes();
        // A failed start has no window to own its dialog yet (or none worth keeping).
        DialogService startDialogs = new FxDialogService(() -> null, messages, themes);
        ClusterCatalog catalog;
        StorePlace place;
        char[] startPassword;
        try {
            LaunchOptions options = LaunchOptions.parse(commandLine != null ? commandLine : getParameters().getRaw());
            DataDirectory data = DataDirectory.fromSystem(options.dataDir());
            catalog = new ClusterCatalog(StoreBackends.forWindow(options.store()), data, clock);
            place = StoreBackends.placeOf(options.store(), data);
            startPassword = StoreBackends.passwordOf(options.store());
        } catch (RuntimeException e) {
            failToStart(startDialogs, messages, errors, e);
            return;
        }
        FxDialogService dialogs = new FxDialogService(() -> stage, messages, themes);
        Consumer<Throwable> onError = e -> dialogs.showError(errors.report(e));

        // The window comes first; the cluster opens meanwhile on another core (class loading of the
        // store and the crypto provider is most of its cost) and fills the window when ready.
        Workspace workspace = new Workspace(catalog, place);
        ConsoleContext ctx = ConsoleContext.wire(workspace, runner, onError,
                Path.of(System.getProperty("user.home")), messages, themes, dialogs, () -> stage,
                StoreBackends.forConsole());
        sessions = ctx.sessions();
        console = ctx.console();
        ClusterController clusterController = ctx.cluster();
        runner.run(BackgroundWork.named("open cluster", p -> catalog.openOrCreateDemo(),
                        e -> offerAnotherCluster(e, startPassword, clusterController))
                .onSuccess(cluster -> {
                    Arrays.fill(startPassword, '\0');
                    StartupProbe.mark("clusterOpen");
                    workspace.opened(cluster);
                    ctx.openCluster().remember(ctx.openCluster().current());
                    watcher = clusterController.watch();
                }));

        MainViewModel mainModel = new MainViewModel(workspace, sessions, ctx.keys(), clusterController, messages,
                dialogs, ctx.approvals());
        main = new MainView(mainModel, ctx);
        StartupProbe.mark("viewsBuilt");

        Scene scene = new Scene(main.root());
        themes.register(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(mainModel.titleProperty());
        io.hsmconsole.ui.common.MinimumSizes.window(stage);
        stage.setOnCloseRequest(e -> {
            if (!main.mayQuit()) {
                e.consume(); // as Ctrl+Q: the user keeps the work that quitting would drop
            }
        });
        StartupProbe.attach(scene, clusterController.snapshotProperty().isNotNull());
        stage.show();
        StartupProbe.mark("shown");
    }

    /**
     * The store named at start cannot be opened (a server down, a refused password, no such database,
     * an unusable data folder): the window stays, with the Open cluster dialog saying why and holding
     * what was asked for, so that the user can correct it or choose the data folder; closing the
     * dialog quits.
     */
    private void offerAnotherCluster(Throwable e, char[] password, ClusterController clusterController) {
        LoggerFactory.getLogger(ConsoleApp.class).warn("cannot open the cluster at start: {}", e.getMessage());
        if (main.openClusterAtStart(e, password)) {
            watcher = clusterController.watch();
        } else {
            quit.run();
        }
    }

    private static void failToStart(DialogService dialogs, Messages messages, HsmErrors errors, Throwable e) {
        LoggerFactory.getLogger(ConsoleApp.class).error("cannot start: {}", e.getMessage());
        ErrorReport report = errors.report(e);
        dialogs.showError(new ErrorReport(messages.get("error.start.title"), report.sentence(), report.codeLine(),
                report.details()));
        Platform.exit();
    }

    @Override
    public void stop() {
        watcher.cancel();
        if (console != null) {
            console.close(); // the pane's shell ends its session
        }
        runner.close();
        if (sessions != null) {
            sessions.shutdown(); // session keys vanish; the store closes
        }
    }
}
