package io.hsmconsole.ui.cluster;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.NodeController;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.NoticeLabel;
import io.hsmconsole.ui.common.TimeText;
import io.hsmconsole.ui.common.Views;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster view: a tile per node with its state, keys, replication, firmware and last
 * attestation, the node actions, and the selected node's attestation details. A self-contained
 * node: the main window hosts {@link #root()} wherever it likes.
 */
public final class ClusterView {
    private final ClusterViewModel viewModel;
    private final Messages messages;
    private final Parent root;
    private final Map<NodeTileModel, NodeTile> tileNodes = new HashMap<>();
    private AttestationPane attestation;

    @FXML private Label summaryLabel;
    @FXML private Label noticeLabel;
    @FXML private Label availabilityLabel;
    @FXML private Label newLatencyLabel;
    @FXML private TextField newLatencyField;
    @FXML private Button addNodeButton;
    @FXML private FlowPane tilePane;
    @FXML private ScrollPane tileScroll;
    @FXML private VBox detailsBox;

    public ClusterView(ClusterViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.root = Views.load(this, messages);
    }

    /** The view over the console's controllers */
    public static ClusterView create(ClusterController cluster, NodeController nodes, Messages messages,
                                     DialogService dialogs) {
        return new ClusterView(new ClusterViewModel(cluster, nodes, messages, dialogs, TimeText.local()), messages);
    }

    public Parent root() {
        return root;
    }

    public ClusterViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        NoticeLabel.bind(noticeLabel, viewModel.noticeProperty());
        noticeLabel.setId("clusterNotice");
        availabilityLabel.textProperty().bind(viewModel.availabilityProperty());
        availabilityLabel.visibleProperty().bind(viewModel.availabilityProperty().isNotEmpty());
        availabilityLabel.managedProperty().bind(availabilityLabel.visibleProperty());
        newLatencyLabel.setLabelFor(newLatencyField);
        newLatencyField.setAccessibleText(messages.get("cluster.add.latency"));
        newLatencyField.textProperty().bindBidirectional(viewModel.newNodeLatencyProperty());
        newLatencyField.setOnAction(e -> viewModel.addNode());
        addNodeButton.setOnAction(e -> viewModel.addNode());
        addNodeButton.setTooltip(new javafx.scene.control.Tooltip(messages.get("cluster.add.hint")));
        // Wrap the tiles at the visible width, not at FlowPane's default 400 px.
        tilePane.prefWrapLengthProperty().bind(tileScroll.viewportBoundsProperty().map(b -> b.getWidth() - 20));
        attestation = new AttestationPane(detailsBox, messages);
        showTiles();
        viewModel.tiles().addListener((ListChangeListener<NodeTileModel>) c -> showTiles());
        attestation.show(viewModel.detailsProperty().get());
        viewModel.detailsProperty().addListener((obs, old, now) -> {
            attestation.show(now);
            markSelected();
        });
    }

    private void showTiles() {
        List<NodeTileModel> models = viewModel.tiles();
        tileNodes.keySet().retainAll(models);
        tilePane.getChildren().setAll(models.stream()
                .map(m -> tileNodes.computeIfAbsent(m, x -> new NodeTile(x, viewModel, messages)).root())
                .toList());
        markSelected();
        // A window opened before the first reading gave the focus to the only control it had, the
        // new node's latency (text all selected); the first tile is where the user starts.
        if (!models.isEmpty() && newLatencyField.isFocused()) {
            tileNodes.get(models.get(0)).focusFirstAction();
        }
    }

    private void markSelected() {
        AttestationDetails d = viewModel.detailsProperty().get();
        tileNodes.forEach((model, tile) -> tile.setSelected(d != null && d.nodeId() == model.id()));
    }
}
