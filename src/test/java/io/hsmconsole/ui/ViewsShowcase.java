package io.hsmconsole.ui;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.NodeController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import io.hsmconsole.ui.audit.AuditView;
import io.hsmconsole.ui.cluster.ClusterView;
import io.hsmconsole.ui.common.FxDialogService;
import io.hsmconsole.ui.common.FxTaskRunner;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.keylist.KeyListView;
import io.hsmconsole.ui.keylist.KeyListViewModel;
import io.hsmconsole.ui.users.UsersView;
import io.hsmconsole.ui.users.UsersViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shows one of the new screens over a fresh demo cluster in a scenario, for screenshots under Xvfb
 * ({@code scripts/view-screenshots.sh}). Arguments: scenario, marker file to create once the scenario
 * is on screen, and optionally {@code dark}.
 */
public final class ViewsShowcase extends Application {
    private final FxTaskRunner runner = new FxTaskRunner();
    private HsmCluster cluster;
    private Workspace workspace;
    private ClusterController clusterController;
    private NodeController nodes;
    private Messages messages;
    private FxDialogService dialogs;

    /** The class-path entry point (the JVM refuses an Application subclass as main class there). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            launch(ViewsShowcase.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        String scenario = args.get(0);
        Path marker = Path.of(args.get(1));
        boolean dark = args.size() > 2 && args.get(2).equals("dark");
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(Files.createTempDirectory("showcase")), HsmClock.SYSTEM);
        cluster = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER,
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 120L, 250L), null));
        workspace = new Workspace(catalog, cluster);
        messages = Messages.load();
        Themes themes = new Themes();
        themes.themeProperty().set(dark ? Themes.Theme.DARK : Themes.Theme.LIGHT);
        dialogs = new FxDialogService(() -> stage, messages, themes);
        clusterController = new ClusterController(workspace, runner, Throwable::printStackTrace);
        nodes = new NodeController(workspace, runner, Throwable::printStackTrace, clusterController);

        Runnable after = () -> { };
        Parent root;
        switch (scenario) {
            case "cluster-healthy", "cluster-offline", "cluster-tampered" -> {
                seedKeys(5);
                boolean offline = scenario.equals("cluster-offline");
                if (scenario.equals("cluster-tampered")) {
                    cluster.tamperFirmware(1);
                }
                if (scenario.equals("cluster-healthy")) {
                    // Attested before the view opens: it shows them from the store, as it shows a script's.
                    cluster.attestNode(1);
                    cluster.attestNode(2);
                }
                ClusterView view = ClusterView.create(clusterController, nodes, messages, dialogs);
                int attested = scenario.equals("cluster-tampered") ? 1 : 0;
                ready = () -> view.viewModel().tiles().size() == 3;
                after = () -> view.viewModel().attest(view.viewModel().tiles().get(attested));
                done = () -> nodes.lastAttestation(attested).isPresent() && (!offline || offlineKeys(view));
                root = view.root();
            }
            case "cluster-availability", "cluster-availability-900x600" -> {
                // Nodes 1 and 2 taken offline through the view: every token key is on one online HSM,
                // below Client SDK 5's key availability quorum, and the view says what that means.
                seedKeys(5);
                if (scenario.endsWith("900x600")) {
                    width = 900;
                    height = 600;
                }
                ClusterView view = ClusterView.create(clusterController, nodes, messages, dialogs);
                ready = () -> view.viewModel().tiles().size() == 3;
                after = () -> {
                    view.viewModel().toggleOnline(view.viewModel().tiles().get(2));
                    view.viewModel().toggleOnline(view.viewModel().tiles().get(1));
                };
                done = () -> !view.viewModel().availabilityProperty().get().isEmpty()
                        && clusterController.snapshotProperty().get().onlineNodes() == 1;
                root = view.root();
            }
            case "keylist-availability" -> {
                // The key list after nodes 1 and 2 went offline: each token key's coverage is marked as
                // below the key availability quorum; the session key is not subject to it.
                seedKeys(4);
                SessionController sessions = new SessionController(workspace, runner, Throwable::printStackTrace);
                KeyController keys = new KeyController(workspace, runner, Throwable::printStackTrace);
                KeyListViewModel vm = new KeyListViewModel(keys, messages, dialogs);
                KeyListView view = new KeyListView(vm, messages, () -> { });
                sessions.login(cluster.name(), "example_user", "example_pwd".toCharArray(), outcome ->
                        keys.generate(GenSymKeyRequest.of(31, 16, "session_key").withSession(true), "genSymKey",
                                p -> { }, made -> {
                                    cluster.setNodeOnline(1, false);
                                    cluster.setNodeOnline(2, false);
                                    vm.reload();
                                }));
                width = 1270; // wide enough for the coverage column, the table's last
                height = 260;
                done = () -> vm.rows().size() == 5
                        && vm.rows().stream().filter(i -> i.row().belowAvailabilityQuorum()).count() == 4;
                root = view.root();
            }
            case "users" -> {
                for (int i = 0; i < 5; i++) {
                    cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "not_bobs_pwd".toCharArray());
                }
                SessionController sessions = new SessionController(workspace, runner, Throwable::printStackTrace);
                UserAdminController admin = new UserAdminController(workspace, runner, Throwable::printStackTrace,
                        clusterController);
                UsersView view = UsersView.create(workspace, clusterController, admin, messages, dialogs);
                UsersViewModel vm = view.viewModel();
                sessions.login(cluster.name(), "officer1", "officer1_pwd".toCharArray(), outcome -> { });
                ready = () -> vm.canCreateProperty().get() && vm.rows().size() == 7;
                after = () -> {
                    vm.openCreate();
                    vm.newUserNameProperty().set("dave");
                    vm.create("dave_pwd1".toCharArray(), "dave_pwd1".toCharArray());
                };
                done = () -> {
                    if (vm.rows().size() == 8 && vm.formProperty().get() == UsersViewModel.Form.NONE) {
                        vm.selectedProperty().set(vm.rows().stream().filter(u -> u.name().equals("bob")).findFirst()
                                .orElseThrow());
                        vm.openUnlock();
                    }
                    return vm.formProperty().get() == UsersViewModel.Form.CHANGE_PASSWORD;
                };
                root = view.root();
            }
            case "audit" -> {
                seedKeys(3);
                cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "not_bobs_pwd".toCharArray());
                HsmSession officer = cluster.login(LoginChannel.CONSOLE, UserType.CO, "officer1",
                        "officer1_pwd".toCharArray()).value();
                officer.users().createUser(UserType.CU, "dave", "dave_pwd1".toCharArray());
                officer.users().deleteUser(UserType.CU, "example_user");
                officer.logout();
                cluster.setNodeOnline(2, false);
                cluster.tamperFirmware(1);
                cluster.attestNode(1);
                AuditView view = AuditView.create(workspace, clusterController,
                        new AuditController(workspace, runner, Throwable::printStackTrace), messages, dialogs);
                ready = () -> view.viewModel().shown().size() > 10;
                after = () -> view.viewModel().verify();
                done = () -> view.viewModel().verdictProperty().get().text().startsWith("Chain intact");
                root = view.root();
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        Scene scene = new Scene(root, width, height);
        themes.register(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("HSM Key Console \u2014 " + scenario);
        stage.show();
        clusterController.watch();
        // Acts once the view shows the cluster, then marks the scenario ready once the screen has settled.
        Runnable then = after;
        waitFor(() -> ready.getAsBoolean(), () -> {
            then.run();
            waitFor(() -> done.getAsBoolean(), () -> pause(1.5, () -> {
                try {
                    Files.writeString(marker, width + "x" + height);
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            }));
        });
    }

    private java.util.function.BooleanSupplier ready = () -> true;
    private java.util.function.BooleanSupplier done = () -> true;

    private static void pause(double seconds, Runnable then) {
        PauseTransition p = new PauseTransition(Duration.seconds(seconds));
        p.setOnFinished(e -> then.run());
        p.play();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Runnable then) {
        if (condition.getAsBoolean()) {
            then.run();
        } else {
            pause(0.2, () -> waitFor(condition, then));
        }
    }

    /** Takes node 2 offline through the view, then makes two keys it misses. */
    private boolean offlineKeys(ClusterView view) {
        if (!tookOffline) {
            tookOffline = true;
            view.viewModel().toggleOnline(view.viewModel().tiles().get(2));
        }
        if (view2Offline()) {
            if (!seededWhileOffline) {
                seededWhileOffline = true;
                seedKeys(2); // node 2 misses these and shows them pending
            }
            return clusterController.snapshotProperty().get().info().tokenKeyCount() == 7;
        }
        return false;
    }

    private boolean seededWhileOffline;
    private int width = 1200;
    private int height = 760;
    private boolean tookOffline;

    private boolean view2Offline() {
        return cluster.nodes().get(2).state() == io.hsmconsole.hsm.cluster.NodeState.OFFLINE;
    }

    private void seedKeys(int count) {
        HsmSession s = cluster.login(LoginChannel.CONSOLE, UserType.CU, "example_user", "example_pwd".toCharArray()).value();
        for (int i = 0; i < count; i++) {
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "showcase_" + i));
        }
        s.close();
    }

    @Override
    public void stop() {
        runner.close();
        cluster.close();
    }
}
