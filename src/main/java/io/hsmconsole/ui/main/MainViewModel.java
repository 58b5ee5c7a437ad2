package io.hsmconsole.ui.main;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.SessionInfo;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's state: what the status bar says (cluster, nodes, user, role, keys) and
 * whether someone is logged in, and as which kind of user.
 */
public final class MainViewModel {
    private final Messages messages;
    private final Workspace workspace;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper clusterStatus = new ReadOnlyStringWrapper(this, "clusterStatus", "");
    private final ReadOnlyStringWrapper nodeStatus = new ReadOnlyStringWrapper(this, "nodeStatus", "");
    private final ReadOnlyStringWrapper userStatus = new ReadOnlyStringWrapper(this, "userStatus", "");
    private final ReadOnlyStringWrapper roleStatus = new ReadOnlyStringWrapper(this, "roleStatus", "");
    private final ReadOnlyStringWrapper keyStatus = new ReadOnlyStringWrapper(this, "keyStatus", "");
    private final BooleanBinding loggedIn;
    private final BooleanBinding cryptoUser;

    public MainViewModel(Workspace workspace, ClusterController cluster, Messages messages) {
        this.messages = messages;
        this.workspace = workspace;
        loggedIn = Bindings.isNotNull(workspace.sessionInfoProperty());
        cryptoUser = Bindings.createBooleanBinding(
                () -> workspace.sessionInfo().map(SessionInfo::isCryptoUser).orElse(false),
                workspace.sessionInfoProperty());
        workspace.sessionInfoProperty().addListener((obs, old, now) -> showSession(now));
        workspace.clusterNameProperty().addListener((obs, old, now) -> showTitle());
        cluster.snapshotProperty().addListener((obs, old, now) -> showCluster(now));
        showSession(workspace.sessionInfo().orElse(null));
        showCluster(cluster.snapshotProperty().get());
        showTitle();
    }

    private void showTitle() {
        title.set(messages.format("main.title", workspace.clusterNameProperty().get()));
    }

    private void showSession(SessionInfo session) {
        if (session == null) {
            userStatus.set(messages.get("status.user.none"));
            roleStatus.set(messages.get("status.role.none"));
        } else {
            userStatus.set(messages.format("status.user", session.userName(), session.userId()));
            roleStatus.set(messages.format("status.role", messages.getOr("role." + session.role().name(),
                    session.role().name())));
        }
    }

    private void showCluster(ClusterSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        clusterStatus.set(messages.format("status.cluster", snapshot.info().name(), snapshot.info().hsmType().awsName(),
                messages.get(snapshot.info().hsmType().fips() ? "cluster.fips" : "cluster.nonFips")));
        nodeStatus.set(messages.format(snapshot.syncing() ? "status.nodes.syncing" : "status.nodes",
                snapshot.onlineNodes(), snapshot.nodes().size()));
        keyStatus.set(messages.format("status.keys", snapshot.info().tokenKeyCount(), snapshot.info().keyCapacity()));
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

    /** A crypto user sees keys; everyone else sees the cluster overview. */
    public BooleanBinding cryptoUserProperty() {
        return cryptoUser;
    }
}
