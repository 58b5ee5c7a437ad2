package io.hsmconsole.ui.overview;

import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.MinimumSizes;
import io.hsmconsole.ui.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;


/** Binds the cluster overview's FXML to its view model. */
public final class ClusterOverviewView {
    private final ClusterOverviewViewModel viewModel;
    private final Messages messages;
    private final Runnable onLogin;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label summaryLabel;
    @FXML private Label keyCountLabel;
    @FXML private Label nodesLabel;
    @FXML private Label usersLabel;
    @FXML private Button loginButton;
    @FXML private Button openClusterButton;
    @FXML private TableView<NodeStatus> nodeTable;
    @FXML private TableColumn<NodeStatus, Object> nodeIdColumn;
    @FXML private TableColumn<NodeStatus, Object> nodeStateColumn;
    @FXML private TableColumn<NodeStatus, Object> nodeKeysColumn;
    @FXML private TableColumn<NodeStatus, Object> nodePendingColumn;
    @FXML private TableColumn<NodeStatus, Object> nodeLatencyColumn;
    @FXML private TableColumn<NodeStatus, Object> nodeFirmwareColumn;
    @FXML private TableView<UserInfo> userTable;
    @FXML private TableColumn<UserInfo, Object> userIdColumn;
    @FXML private TableColumn<UserInfo, Object> userNameColumn;
    @FXML private TableColumn<UserInfo, Object> userRoleColumn;
    @FXML private TableColumn<UserInfo, Object> userLockedColumn;

    public ClusterOverviewView(ClusterOverviewViewModel viewModel, Messages messages, Runnable onLogin) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.onLogin = onLogin;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        keyCountLabel.textProperty().bind(viewModel.keyCountProperty());
        nodesLabel.setLabelFor(nodeTable);
        usersLabel.setLabelFor(userTable);
        MinimumSizes.headersNeverCut(nodeTable);
        MinimumSizes.headersNeverCut(userTable);
        nodeTable.setItems(viewModel.nodes());
        Views.column(nodeIdColumn, NodeStatus::id);
        Views.column(nodeStateColumn, NodeStatus::state);
        Views.column(nodeKeysColumn, NodeStatus::keysHeld);
        Views.column(nodePendingColumn, NodeStatus::keysPending);
        Views.column(nodeLatencyColumn, n -> messages.format("overview.node.latencyValue", n.latencyMillis()));
        Views.column(nodeFirmwareColumn, NodeStatus::firmwareVersion);
        userTable.setItems(viewModel.users());
        Views.column(userIdColumn, UserInfo::id);
        Views.column(userNameColumn, UserInfo::name);
        Views.column(userRoleColumn, viewModel::roleText);
        Views.column(userLockedColumn, u -> messages.get(u.locked() ? "common.yes" : "common.no"));
        loginButton.setVisible(onLogin != null);
        loginButton.setManaged(onLogin != null);
        loginButton.setOnAction(e -> onLogin.run());
        openClusterButton.setVisible(false);
        openClusterButton.setManaged(false);
    }

    /** Offers File → Open cluster on the start screen too (the overview is what shows before anyone logs in). */
    public void offerOpenCluster(Runnable openCluster) {
        openClusterButton.setVisible(true);
        openClusterButton.setManaged(true);
        openClusterButton.setOnAction(e -> openCluster.run());
    }


    /** Hides the login button while someone is logged in (an officer sees this overview too). */
    public Button loginButton() {
        return loginButton;
    }
}
