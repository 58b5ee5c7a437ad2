package io.hsmconsole.ui.main;

import io.hsmconsole.controller.LoginOutcome;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.support.FxConsole;
import io.hsmconsole.ui.support.FxWait;
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
        ctx = ConsoleContext.wire(fx.workspace, fx.runner, fx.errors::add, dir, messages, themes, dialogs, () -> stage);
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

    /** Logs a demo user in through the session controller and waits for the key screen. */
    public void login(String user, String password) {
        AtomicReference<LoginOutcome> outcome = new AtomicReference<>();
        ctx.sessions().login(fx.cluster.name(), user, password.toCharArray(), outcome::set);
        FxWait.until(() -> outcome.get() != null);
        if (!outcome.get().result().isSuccess()) {
            throw new AssertionError("login refused: " + outcome.get().result().code());
        }
    }

    /** The showing window whose title starts so, or null. */
    public static Window window(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing()).findFirst().orElse(null);
    }

    @Override
    public void close() {
        watcher.cancel();
        ctx.console().close();
        ctx.sessions().shutdown();
        fx.close();
    }
}
