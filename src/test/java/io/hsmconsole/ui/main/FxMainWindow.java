package io.hsmconsole.ui.main;

import io.hsmconsole.controller.LoginOutcome;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.ui.common.FxConsole;
import io.hsmconsole.ui.common.FxWait;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.common.Themes;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's main window as the application wires it ({@link ConsoleContext#wire}), over a
 * test cluster, with recording dialogs so that a test can answer the file choosers and see the
 * errors and questions the window would show. Every other window (share, approvals, passphrase)
 * is real.
 */
public final class FxMainWindow implements AutoCloseable {
    public final FxConsole fx;
    public final RecordingDialogs dialogs = new RecordingDialogs();
    public final ConsoleContext ctx;
    public final MainViewModel model;
    public final MainView view;
    private final TaskHandle watcher;

    public FxMainWindow(Path dir, Stage stage) {
        fx = new FxConsole(dir);
        Messages messages = Messages.load();
        Themes themes = new Themes();
        ctx = ConsoleContext.wire(fx.workspace, fx.runner, fx.errors::add, dir, messages, themes, dialogs, () -> stage,
                io.hsmconsole.controller.TestStores.REAL);
        model = new MainViewModel(fx.workspace, ctx.sessions(), ctx.keys(), ctx.cluster(), messages, dialogs,
                ctx.approvals());
        view = new MainView(model, ctx);
        Scene scene = new Scene(view.root(), 1240, 760);
        themes.register(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.show();
        watcher = ctx.cluster().watch();
    }

    /** A key made by example_user straight through the simulator, before the window logs anyone in. */
    public long ownKey(io.hsmconsole.hsm.key.GenSymKeyRequest request) {
        try (io.hsmconsole.hsm.HsmSession owner = io.hsmconsole.hsm.TestClusters.login(fx.cluster, "example_user")) {
            return owner.generateSymmetricKey(request).value().handle();
        }
    }

    /** Logs a demo user in through the session controller and waits for the key screen. */
    public void login(String user, String password) {
        AtomicReference<LoginOutcome> outcome = new AtomicReference<>();
        ctx.sessions().login(fx.cluster.name(), user, password.toCharArray(), outcome::set);
        FxWait.until(() -> outcome.get() != null);
        if (!outcome.get().result().isSuccess()) {
            throw new AssertionError("login refused: " + outcome.get().result().code());
        }
    }

    /** example_user logged in, with this key selected in the list (and so in the inspector). */
    public void showOwnKey(org.testfx.api.FxRobot robot, long handle) {
        login("example_user", "example_pwd");
        robot.interact(() -> model.keyList().select(handle));
    }

    /** Opens the key form with Ctrl+N from the key table and aims the robot at it. */
    public static void openKeyForm(org.testfx.api.FxRobot robot) {
        robot.targetWindow(window("HSM Key Console"));
        FxWait.until(() -> robot.lookup("#table").tryQuery().isPresent());
        robot.clickOn("#table");
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N);
        FxWait.until(() -> window("New key") != null);
        robot.targetWindow(window("New key"));
        FxWait.until(() -> robot.lookup("#labelField").tryQuery().isPresent());
    }

    /** The showing window whose title starts so, or null. */
    public static Window window(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing()).findFirst().orElse(null);
    }

    /** Closes everything; fails when a controller reported an unexpected error meanwhile. */
    @Override
    public void close() {
        watcher.cancel();
        ctx.console().close();
        ctx.sessions().shutdown();
        fx.close();
        if (!fx.errors.isEmpty()) {
            throw new AssertionError("unexpected errors: " + fx.errors);
        }
    }
}
