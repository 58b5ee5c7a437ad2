package io.hsmconsole.ui.cluster;

import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.WhyDisabled;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One node's tile: state badge, keys, replication, firmware, last attestation, and its actions.
 * Every control has an id ending in the node id ({@code attest-1}) and an accessible text naming the node.
 */
final class NodeTile {
    private final VBox root = new VBox();
    private final Button attest;

    NodeTile(NodeTileModel tile, ClusterViewModel viewModel, Messages messages) {
        int id = tile.id();
        root.getStyleClass().add("node-tile");
        root.setId("node-tile-" + id);

        Label title = new Label();
        title.getStyleClass().add("node-tile-title");
        title.textProperty().bind(tile.titleProperty());
        Label badge = new Label();
        badge.setId("node-badge-" + id);
        badge.getStyleClass().add("state-badge");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap, badge);
        header.setAlignment(Pos.CENTER_LEFT);

        Label keys = boundLabel("node-keys-" + id, tile.keysProperty());
        Label replication = boundLabel("node-replication-" + id, tile.replicationProperty());
        Label attestation = boundLabel("node-attestation-" + id, tile.attestationProperty());

        attest = button("attest-" + id, messages.get("cluster.action.attest"),
                messages.format("cluster.a11y.attest", id), () -> viewModel.attest(tile));
        Button details = button("details-" + id, messages.get("cluster.action.details"),
                messages.format("cluster.a11y.details", id), () -> viewModel.select(tile));
        Button online = button("online-" + id, "", messages.format("cluster.a11y.online", id),
                () -> viewModel.toggleOnline(tile));
        online.textProperty().bind(tile.onlineActionProperty());
        Button remove = button("remove-" + id, messages.get("cluster.action.remove"),
                messages.format("cluster.a11y.remove", id), () -> viewModel.remove(tile));

        Label latencyLabel = new Label(messages.get("cluster.tile.latency"));
        TextField latency = new TextField();
        latency.setId("latency-" + id);
        latency.setPrefColumnCount(5);
        latency.setAccessibleText(messages.format("cluster.a11y.latency", id));
        latency.textProperty().bindBidirectional(tile.latencyInputProperty());
        latency.setOnAction(e -> viewModel.applyLatency(tile));
        latencyLabel.setLabelFor(latency);
        Button setLatency = button("latency-set-" + id, messages.get("cluster.tile.latency.set"),
                messages.format("cluster.a11y.latency.set", id), () -> viewModel.applyLatency(tile));

        Label firmware = boundLabel("node-firmware-" + id, tile.firmwareProperty());
        Button tamper = button("tamper-" + id, messages.get("cluster.action.tamper"),
                messages.format("cluster.a11y.tamper", id), () -> viewModel.tamperFirmware(tile));
        Button restore = button("restore-" + id, messages.get("cluster.action.restore"),
                messages.format("cluster.a11y.restore", id), () -> viewModel.restoreFirmware(tile));
        firmware.setLabelFor(tamper);

        root.getChildren().addAll(header, keys, replication, attestation, row(attest, details), row(online, remove),
                row(latencyLabel, latency, setLatency), row(firmware, tamper, restore));
        WhyDisabled.bind(tamper, tile.whyNotTamperProperty()); // in their row: the reason shows on a wrapper
        WhyDisabled.bind(restore, tile.whyNotRestoreProperty());

        showState(tile.state(), badge, messages, id);
        tile.stateProperty().addListener((obs, old, now) -> showState(now, badge, messages, id));
        showVerdict(attestation, tile.verdictProperty().get());
        tile.verdictProperty().addListener((obs, old, now) -> showVerdict(attestation, now));
    }

    VBox root() {
        return root;
    }

    /** Puts the keyboard focus on the tile's first action, "Attest now". */
    void focusFirstAction() {
        attest.requestFocus();
    }

    void setSelected(boolean selected) {
        root.getStyleClass().remove("selected");
        if (selected) {
            root.getStyleClass().add("selected");
        }
    }

    private void showState(NodeState state, Label badge, Messages messages, int id) {
        if (state == null) {
            return;
        }
        badge.setText(state.name());
        badge.setAccessibleText(messages.format("cluster.a11y.state", id, state.name()));
        for (NodeState s : NodeState.values()) {
            badge.getStyleClass().remove("state-" + s.name());
            root.getStyleClass().remove("tile-" + s.name());
        }
        badge.getStyleClass().add("state-" + state.name());
        root.getStyleClass().add("tile-" + state.name());
    }

    private static void showVerdict(Label label, NodeTileModel.Verdict verdict) {
        for (NodeTileModel.Verdict v : NodeTileModel.Verdict.values()) {
            label.getStyleClass().remove("verdict-" + v.name());
        }
        label.getStyleClass().add("verdict-" + verdict.name());
    }

    private static Label boundLabel(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private static Button button(String id, String text, String accessible, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setAccessibleText(accessible);
        b.setTooltip(new Tooltip(accessible));
        b.setMinWidth(Region.USE_PREF_SIZE); // never "Tamper fi..."
        b.setOnAction(e -> action.run());
        return b;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.getStyleClass().add("tile-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
