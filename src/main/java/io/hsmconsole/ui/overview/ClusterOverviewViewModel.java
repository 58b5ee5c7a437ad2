package io.hsmconsole.ui.overview;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.hsm.cluster.ClusterInfo;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open cluster at a glance, shown while nobody (or an officer) is logged in: its type, every
 * node with its state and keys, every user with role and lockout, and how many keys it holds.
 */
public final class ClusterOverviewViewModel {
    private final Messages messages;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper keyCount = new ReadOnlyStringWrapper(this, "keyCount", "");
    private final ObservableList<NodeStatus> nodes = FXCollections.observableArrayList();
    private final ObservableList<UserInfo> users = FXCollections.observableArrayList();

    public ClusterOverviewViewModel(ClusterController cluster, Messages messages) {
        this.messages = messages;
        title.set(messages.get("overview.opening"));
        cluster.snapshotProperty().addListener((obs, old, now) -> show(now));
        show(cluster.snapshotProperty().get());
    }

    /** The cluster the console was started on could not be opened (until one is, the screen says so). */
    public void noClusterOpen() {
        if (nodes.isEmpty()) {
            title.set(messages.get("overview.none"));
            summary.set(messages.get("overview.none.summary"));
        }
    }

    private void show(ClusterSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        ClusterInfo info = snapshot.info();
        title.set(messages.format("overview.title", info.name()));
        summary.set(messages.format("overview.summary", info.hsmType().awsName(),
                messages.get(info.hsmType().fips() ? "cluster.fips" : "cluster.nonFips"), info.nodeCount(),
                snapshot.onlineNodes()));
        keyCount.set(messages.format("overview.keys", info.tokenKeyCount(), info.keyCapacity()));
        nodes.setAll(snapshot.nodes());
        users.setAll(snapshot.users());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyCountProperty() {
        return keyCount.getReadOnlyProperty();
    }

    public ObservableList<NodeStatus> nodes() {
        return nodes;
    }

    public ObservableList<UserInfo> users() {
        return users;
    }

    /** {@code CU - crypto user}, as the users table says a role. */
    public String roleText(UserInfo user) {
        return messages.getOr("role." + user.type().name(), user.type().name());
    }
}
