package io.hsmconsole.ui.main;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.SessionInfo;
import io.hsmconsole.controller.StorePlace;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.inspector.CompareViewModel;
import io.hsmconsole.ui.inspector.InspectorViewModel;
import io.hsmconsole.ui.keylist.KeyListViewModel;
import io.hsmconsole.ui.quorum.QuorumGate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.function.Consumer;

/**
 * The main window's state and the commands of its menus: the status bar (cluster, nodes, user,
 * role, keys), which screen shows (keys for a crypto user, the cluster overview otherwise), and the
 * glue between the key list, the inspector and the cluster watcher.
 */
public final class MainViewModel {
    private final Messages messages;
    private final Workspace workspace;
    private final SessionController sessions;
    private final KeyController keys;
    private final DialogService dialogs;
    private final HsmErrors errors;
    private final KeyListViewModel keyList;
    private final InspectorViewModel inspector;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper clusterStatus = new ReadOnlyStringWrapper(this, "clusterStatus", "");
    private final ReadOnlyStringWrapper nodeStatus = new ReadOnlyStringWrapper(this, "nodeStatus", "");
    private final ReadOnlyStringWrapper userStatus = new ReadOnlyStringWrapper(this, "userStatus", "");
    private final ReadOnlyStringWrapper roleStatus = new ReadOnlyStringWrapper(this, "roleStatus", "");
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper(this, "keyStatus", "");
    private final BooleanBinding loggedIn;
    private final BooleanBinding clusterOpen;
    private final BooleanBinding cryptoUser;
    private final StringBinding loginMenuText;
    private final StringBinding whyNoCompare;

    public MainViewModel(Workspace workspace, SessionController sessions, KeyController keys,
                         ClusterController cluster, Messages messages, DialogService dialogs, QuorumGate quorum) {
        this.messages = messages;
        this.workspace = workspace;
        this.sessions = sessions;
        this.keys = keys;
        this.dialogs = dialogs;
        this.errors = new HsmErrors(messages);
        this.keyList = new KeyListViewModel(keys, messages, dialogs);
        this.inspector = new InspectorViewModel(keys, messages, dialogs, quorum);
        loggedIn = Bindings.isNotNull(workspace.sessionInfoProperty());
        clusterOpen = Bindings.isNotNull(workspace.clusterNameProperty());
        clusterStatus.set(messages.get("status.cluster.opening"));
        cryptoUser = Bindings.createBooleanBinding(
                () -> workspace.sessionInfo().map(SessionInfo::mayUseKeys).orElse(false),
                workspace.sessionInfoProperty());
        loginMenuText = Bindings.createStringBinding(() -> messages.get(loggedIn.get() ? "menu.file.logout"
                : "menu.file.login"), loggedIn);

        whyNoCompare = Bindings.createStringBinding(() -> keyList.selectedHandles().size() == 2 ? ""
                : messages.get("compare.needTwo"), keyList.selectedHandles());
        keyList.selectedProperty().addListener((obs, old, row) -> inspector.inspect(row == null ? null : row.handle()));
        keys.addKeysChangedListener(inspector::refresh);
        cluster.addChangeListener(() -> {
            if (cryptoUser.get()) {
                keyList.reload();
                inspector.refresh();
            }
        });
        workspace.sessionInfoProperty().addListener((obs, old, now) -> sessionChanged(now));
        workspace.clusterNameProperty().addListener((obs, old, now) -> showTitle());
        cluster.snapshotProperty().addListener((obs, old, now) -> showCluster(now));
        sessionChanged(workspace.sessionInfo().orElse(null));
        showCluster(cluster.snapshotProperty().get());
        showTitle();
    }

    private void sessionChanged(SessionInfo session) {
        if (session == null) {
            userStatus.set(messages.get("status.user.none"));
            roleStatus.set(messages.get("status.role.none"));
        } else {
            userStatus.set(messages.format("status.user", session.userName(), session.userId()));
            roleStatus.set(messages.format("status.role", messages.getOr("role." + session.role().name(),
                    session.role().name())));
        }
        if (session != null && session.mayUseKeys()) {
            keyList.reload();
        } else {
            keyList.clear();
            inspector.forgetShown();
        }
    }

    private void showTitle() {
        String name = workspace.clusterNameProperty().get();
        title.set(name == null ? messages.get("main.title.opening") : messages.format("main.title", name));
    }

    /** The cluster the console was started on could not be opened: the title and status bar say so, not "opening". */
    public void noClusterOpen() {
        if (workspace.clusterNameProperty().get() == null) {
            title.set(messages.get("main.title.none"));
            clusterStatus.set(messages.get("status.cluster.none"));
        }
    }

    private void showCluster(ClusterSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        StorePlace store = workspace.store();
        clusterStatus.set(messages.format("status.cluster", snapshot.info().name(), snapshot.info().hsmType().awsName(),
                messages.get(snapshot.info().hsmType().fips() ? "cluster.fips" : "cluster.nonFips"),
                messages.format("status.store." + store.kind().name(), store.where())));
        nodeStatus.set(messages.format(snapshot.syncing() ? "status.nodes.syncing" : "status.nodes",
                snapshot.onlineNodes(), snapshot.nodes().size()));
        keyStatus.set(messages.format("status.keys", snapshot.info().tokenKeyCount(), snapshot.info().keyCapacity()));
    }

    // ---- commands ----

    /** Ends the session; its session keys vanish from the list. */
    public void logout() {
        sessions.logout(result -> {
            if (!result.isSuccess()) {
                dialogs.showError(errors.report("logoutHSM", result));
            }
        });
    }

    /** After the form made a key: select it in the list (as soon as the list has re-read). */
    public void keyGenerated(long handle) {
        keyList.select(handle);
    }

    /** Deletes the inspected key after asking; the simulator allows only the owner. */
    public void deleteSelected() {
        KeyDetails key = inspector.detailsProperty().get();
        if (key == null || !dialogs.confirmDestructive(messages.get("delete.title"), messages.format("delete.confirm",
                key.handle(), key.label()), messages.format("delete.action", key.handle()))) {
            return;
        }
        keys.delete(key.handle(), result -> {
            if (!result.isSuccess()) {
                dialogs.showError(errors.report("deleteKey", result));
            }
        });
    }

    /** Reads the two keys and hands their comparison over; with fewer or more than two, says so. */
    public void compare(List<KeyRow> selected, Consumer<CompareViewModel> show) {
        if (selected.size() != 2) {
            dialogs.showError(new io.hsmconsole.ui.common.ErrorReport(messages.get("compare.title.plain"),
                    messages.get("compare.needTwo"), messages.get("error.code.none"), ""));
            return;
        }
        keys.details(selected.get(0).handle(), left -> keys.details(selected.get(1).handle(), right -> {
            HsmResult<?> failed = !left.isSuccess() ? left : !right.isSuccess() ? right : null;
            if (failed != null) {
                dialogs.showError(errors.report("getAttribute", failed));
            } else {
                show.accept(new CompareViewModel(left.value(), right.value(), messages));
            }
        }));
    }

    public KeyListViewModel keyList() {
        return keyList;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clusterStatusProperty() {
        return clusterStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodeStatusProperty() {
        return nodeStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userStatusProperty() {
        return userStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleStatusProperty() {
        return roleStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyStatusProperty() {
        return keyStatus.getReadOnlyProperty();
    }

    public BooleanBinding loggedInProperty() {
        return loggedIn;
    }

    /** False while the start-up cluster is still being opened (logging in waits for it). */
    public BooleanBinding clusterOpenProperty() {
        return clusterOpen;
    }

    /** A crypto user sees keys; everyone else sees the cluster overview. */
    public BooleanBinding cryptoUserProperty() {
        return cryptoUser;
    }

    /** Why comparing cannot work now (not exactly two keys selected); empty when it can. */
    public StringBinding whyNoCompareProperty() {
        return whyNoCompare;
    }

    /** "Log in…" or "Log out", for the File menu. */
    public StringBinding loginMenuTextProperty() {
        return loginMenuText;
    }
}
