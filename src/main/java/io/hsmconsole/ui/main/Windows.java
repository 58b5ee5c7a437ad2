package io.hsmconsole.ui.main;

import io.hsmconsole.controller.ExchangeOutcome;
import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.ui.exchange.ExportClusterView;
import io.hsmconsole.ui.exchange.ExportClusterViewModel;
import io.hsmconsole.ui.exchange.ImportClusterView;
import io.hsmconsole.ui.exchange.ImportClusterViewModel;
import io.hsmconsole.ui.inspector.CompareView;
import io.hsmconsole.ui.inspector.CompareViewModel;
import io.hsmconsole.ui.keygen.KeyGenView;
import io.hsmconsole.ui.keygen.KeyGenViewModel;
import io.hsmconsole.ui.login.LoginView;
import io.hsmconsole.ui.login.LoginViewModel;
import io.hsmconsole.ui.opencluster.OpenClusterView;
import io.hsmconsole.ui.opencluster.OpenClusterViewModel;
import io.hsmconsole.ui.sharing.ShareKeyView;
import io.hsmconsole.ui.sharing.ShareKeyViewModel;
import io.hsmconsole.ui.sharing.SharingViewModel;
import io.hsmconsole.ui.audit.AuditView;
import io.hsmconsole.ui.cluster.ClusterView;
import io.hsmconsole.ui.users.UsersView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.Scene;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** Opens the console's secondary windows, each with a fresh view model. */
final class Windows {
    private final ConsoleContext ctx;
    private Stage keyGen;
    private KeyGenViewModel keyGenModel;
    private Stage clusterWindow;
    private Stage usersWindow;
    private Stage auditWindow;

    Windows(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    /** The login dialog, on {@code cluster} when given (else the open one). */
    void login(Window owner, String cluster) {
        LoginViewModel model = new LoginViewModel(ctx.sessions(), ctx.messages());
        boolean[] elsewhere = {false};
        model.offerOpenCluster(() -> elsewhere[0] = true);
        if (cluster != null) {
            model.clusterProperty().set(cluster);
        }
        new LoginView(model, ctx.messages()).showAndWait(owner, ctx.themes());
        if (elsewhere[0] && openCluster(owner)) {
            login(owner, null); // on the cluster just opened
        }
    }

    /** File → Open cluster; true when the console switched to another cluster. */
    boolean openCluster(Window owner) {
        return new OpenClusterView(new OpenClusterViewModel(ctx.openCluster(), ctx.messages()), ctx.messages())
                .showAndWait(owner, ctx.themes());
    }

    /**
     * The cluster the console was started on cannot be opened: the Open cluster dialog, filled with
     * what was asked for ({@code password}, the start setting's, goes to its masked field and is
     * wiped) and saying why; true when the user opened a cluster with it.
     */
    boolean openClusterAtStart(Window owner, Throwable failure, char[] password) {
        OpenClusterViewModel model = new OpenClusterViewModel(ctx.openCluster(), ctx.messages());
        OpenClusterView view = new OpenClusterView(model, ctx.messages());
        model.startFailed(failure, password);
        return view.showAndWait(owner, ctx.themes());
    }

    void exportCluster(Window owner, Path file) {
        new ExportClusterView(new ExportClusterViewModel(ctx.exchange(), ctx.messages(), file), ctx.messages())
                .showAndWait(owner, ctx.themes());
    }

    Optional<ExchangeOutcome> importCluster(Window owner, Path file) {
        return new ImportClusterView(new ImportClusterViewModel(ctx.exchange(), ctx.messages(), file), ctx.messages())
                .showAndWait(owner, ctx.themes());
    }

    /** The key-generation form; a second Ctrl+N brings the open one to the front. */
    void keyGen(Window owner, LongConsumer onGenerated) {
        if (keyGen != null && keyGen.isShowing()) {
            keyGen.toFront();
            keyGen.requestFocus();
            return;
        }
        KeyGenViewModel model = new KeyGenViewModel(ctx.keys(), ctx.messages(), new SharingViewModel(ctx.messages()),
                ctx.cluster().snapshotProperty(), onGenerated);
        keyGenModel = model;
        keyGen = new KeyGenView(model, ctx.messages()).show(owner, ctx.themes(), ctx.dialogs());
    }

    /**
     * Whether the console may quit: an open key form is asked first (a key waiting for -min_srv, or
     * typed input); a yes stops the wait so that nothing runs on while the console closes.
     */
    boolean mayQuit() {
        return keyGen == null || !keyGen.isShowing() || keyGenModel.mayClose(ctx.dialogs());
    }

    /** Closes the form (logout: a form must not outlive the session it generates in). */
    void closeKeyGen() {
        if (keyGen != null) {
            keyGen.close();
            keyGen = null;
            keyGenModel = null;
        }
    }

    void share(Window owner, KeyDetails key) {
        new ShareKeyView(new ShareKeyViewModel(key, ctx.keys(), ctx.messages(), ctx.dialogs(), ctx.approvals()), ctx.messages())
                .showAndWait(owner, ctx.themes());
    }

    void compare(Window owner, CompareViewModel comparison) {
        new CompareView(comparison, ctx.messages()).show(owner, ctx.themes());
    }

    /** The cluster's nodes: state, replication, attestation, simulation actions. One window, reused. */
    void cluster(Window owner) {
        clusterWindow = reuseOrOpen(clusterWindow, owner, ctx.messages().get("window.cluster"),
                () -> {
                    ClusterView view = ClusterView.create(ctx.cluster(), ctx.nodes(), ctx.messages(), ctx.dialogs());
                    return new WindowContent(view.root(), view.viewModel()::detach);
                });
    }

    void users(Window owner) {
        usersWindow = reuseOrOpen(usersWindow, owner, ctx.messages().get("window.users"),
                () -> {
                    UsersView view = UsersView.create(ctx.workspace(), ctx.cluster(), ctx.users(), ctx.messages(),
                            ctx.dialogs());
                    return new WindowContent(view.root(), view.viewModel()::detach);
                });
    }

    void audit(Window owner) {
        auditWindow = reuseOrOpen(auditWindow, owner, ctx.messages().get("window.audit"),
                () -> {
                    AuditView view = AuditView.create(ctx.workspace(), ctx.cluster(), ctx.audit(), ctx.messages(),
                            ctx.dialogs());
                    return new WindowContent(view.root(), view.viewModel()::detach);
                });
    }

    /** A secondary window's view and what to do when it closes (stop following the cluster). */
    private record WindowContent(Parent root, Runnable onClose) {
    }

    private Stage reuseOrOpen(Stage open, Window owner, String title, Supplier<WindowContent> make) {
        if (open != null && open.isShowing()) {
            open.toFront();
            open.requestFocus();
            return open;
        }
        WindowContent content = make.get();
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setOnHidden(e -> content.onClose().run());
        stage.setTitle(title);
        // A window of its own closes as a dialog does: its Close button, Esc, or Ctrl+W.
        Button close = new Button(ctx.messages().get("window.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(6, 12, 10, 12));
        BorderPane framed = new BorderPane(content.root());
        framed.setBottom(buttons);
        // These views would grow to their content's preferred size; keep them on the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(framed, Math.min(1100, screen.getWidth() * 0.9),
                Math.min(700, screen.getHeight() * 0.9));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        ctx.themes().register(scene);
        stage.setScene(scene);
        stage.centerOnScreen();
        stage.show();
        return stage;
    }
}
