package io.hsmconsole.ui.cluster;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.controller.NodeAttestation;
import io.hsmconsole.controller.NodeController;
import io.hsmconsole.hsm.AvailabilityQuorum;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;
import io.hsmconsole.ui.common.Notices;
import io.hsmconsole.ui.common.Subscriptions;
import io.hsmconsole.ui.common.TimeText;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cluster view: a tile per node, kept live from the cluster watcher, the node actions, and the
 * details of one node's last attestation. Every action goes to the simulator; what it answers
 * (success or refusal with its return code) becomes the view's notice.
 */
public final class ClusterViewModel {
    private final ClusterController cluster;
    private final NodeController nodes;
    private final Messages messages;
    private final DialogService dialogs;
    private final TimeText time;
    private final Notices notices;
    private final ObservableList<NodeTileModel> tiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyObjectWrapper<AttestationDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper availability = new ReadOnlyStringWrapper(this, "availability", "");
    private final StringProperty newNodeLatency = new SimpleStringProperty(this, "newNodeLatency", "100");
    private int selectedNode = -1;
    private final Subscriptions subscriptions = new Subscriptions();

    public ClusterViewModel(ClusterController cluster, NodeController nodes, Messages messages, DialogService dialogs,
                            TimeText time) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.messages = messages;
        this.dialogs = dialogs;
        this.time = time;
        this.notices = new Notices(messages);
        // Every reading carries each node's last attestation too, whichever process made it.
        subscriptions.onChange(cluster.snapshotProperty(), (obs, old, now) -> show(now));
        show(cluster.snapshotProperty().get());
    }

    /** Stops following the cluster: the window showing this closed. */
    public void detach() {
        subscriptions.close();
    }

    private void show(ClusterSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        Map<Integer, NodeTileModel> existing = tiles.stream()
                .collect(Collectors.toMap(NodeTileModel::id, Function.identity()));
        List<NodeTileModel> shown = new ArrayList<>();
        for (NodeStatus node : snapshot.nodes()) {
            NodeTileModel tile = existing.computeIfAbsent(node.id(), id -> new NodeTileModel(id, messages, time));
            tile.show(node);
            shown.add(tile);
        }
        if (!shown.equals(tiles)) {
            tiles.setAll(shown);
        }
        summary.set(messages.format("cluster.summary", snapshot.info().name(), snapshot.nodes().size(),
                snapshot.onlineNodes(), snapshot.info().tokenKeyCount()));
        // The simulator counts the keys below SDK 5's key availability quorum; the view only says so.
        long below = snapshot.keysBelowAvailabilityQuorum();
        availability.set(below == 0 ? "" : messages.format("cluster.availability.below", below,
                AvailabilityQuorum.HSMS, AvailabilityQuorum.REQUIREMENT));
        tiles.forEach(t -> t.showAttestation(snapshot.lastAttestation(t.id()).orElse(null)));
        if (tile(selectedNode).isEmpty()) {
            selectedNode = tiles.isEmpty() ? -1 : tiles.get(0).id();
        }
        details.set(selectedNode < 0 ? null : details(selectedNode));
    }

    private AttestationDetails details(int nodeId) {
        Optional<NodeAttestation> last = nodes.lastAttestation(nodeId);
        if (last.isEmpty()) {
            return new AttestationDetails(nodeId, false, false, messages.format("cluster.details.none.heading", nodeId),
                    messages.get("cluster.details.none.hint"), "", "", false, List.of(), List.of());
        }
        NodeAttestation r = last.get();
        String heading = messages.format(r.passed() ? "cluster.details.pass" : "cluster.details.fail", nodeId,
                time.format(r.timeMillis()));
        String reason = r.passed() ? messages.get("cluster.details.reason.pass") : r.reason();
        String measured = r.measuredHex().isEmpty() ? messages.get("cluster.details.measured.none") : r.measuredHex();
        return new AttestationDetails(nodeId, true, r.passed(), heading, reason, measured, r.expectedHex(),
                r.measuredHex().equals(r.expectedHex()), chain(r.manufacturerChain(), "manufacturer"),
                chain(r.operatorChain(), "operator"));
    }

    /** The core lists a chain from the node's HSM certificate up: HSM, hardware, root. */
    private List<AttestationDetails.CertificateLine> chain(List<NodeAttestation.Certificate> certificates, String which) {
        List<AttestationDetails.CertificateLine> lines = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            NodeAttestation.Certificate c = certificates.get(i);
            String role = messages.getOr("cluster.cert." + which + "." + i, messages.format("cluster.cert.other", i + 1));
            lines.add(new AttestationDetails.CertificateLine(role, c.subject(), c.issuer(),
                    messages.format("cluster.cert.validity", time.date(c.notBeforeMillis()), time.date(c.notAfterMillis())),
                    c.sha256Fingerprint()));
        }
        return lines;
    }

    /** Shows this node's attestation in the details pane. */
    public void select(NodeTileModel tile) {
        selectedNode = tile.id();
        details.set(details(selectedNode));
    }

    public void attest(NodeTileModel tile) {
        select(tile);
        nodes.attest(tile.id(), result -> {
            if (result.value() != null) {
                NodeAttestation r = result.value();
                notice.set(r.passed() ? Notice.info(messages.format("cluster.done.attest.pass", tile.id()))
                        : Notice.error(messages.format("cluster.done.attest.fail", tile.id(), r.reason()), ""));
            } else {
                notice.set(notices.of(result, messages.format("cluster.action.attest.name", tile.id()), ""));
            }
        });
    }

    public void toggleOnline(NodeTileModel tile) {
        boolean online = !tile.onlineProperty().get();
        String action = messages.format(online ? "cluster.action.online.name" : "cluster.action.offline.name", tile.id());
        String done = messages.format(online ? "cluster.done.online" : "cluster.done.offline", tile.id());
        nodes.setOnline(tile.id(), online, online ? report(action, done) : degrading(action, done));
    }

    public void applyLatency(NodeTileModel tile) {
        OptionalLong ms = latency(tile.latencyInputProperty().get());
        if (ms.isEmpty()) {
            return;
        }
        Consumer<HsmResult<Void>> report = report(messages.format("cluster.action.latency.name", tile.id()),
                messages.format("cluster.done.latency", tile.id(), ms.getAsLong()));
        nodes.setLatency(tile.id(), ms.getAsLong(), result -> {
            if (result.isSuccess()) {
                tile.latencyInputProperty().set(Long.toString(ms.getAsLong()));
            }
            report.accept(result);
        });
    }

    public void tamperFirmware(NodeTileModel tile) {
        nodes.tamperFirmware(tile.id(), degrading(messages.format("cluster.action.tamper.name", tile.id()),
                messages.format("cluster.done.tamper", tile.id())));
    }

    public void restoreFirmware(NodeTileModel tile) {
        nodes.restoreFirmware(tile.id(), report(messages.format("cluster.action.restore.name", tile.id()),
                messages.format("cluster.done.restore", tile.id())));
    }

    /** Asks first: the node's copies go with it. */
    public void remove(NodeTileModel tile) {
        if (!dialogs.confirm(messages.format("cluster.remove.title", tile.id()),
                messages.format("cluster.remove.question", tile.id()))) {
            return;
        }
        nodes.removeNode(tile.id(), report(messages.format("cluster.action.remove.name", tile.id()),
                messages.format("cluster.done.remove", tile.id())));
    }

    public void addNode() {
        OptionalLong ms = latency(newNodeLatency.get());
        if (ms.isEmpty()) {
            return;
        }
        nodes.addNode(ms.getAsLong(), result -> notice.set(notices.of(result, messages.get("cluster.action.add.name"),
                result.isSuccess() ? messages.format("cluster.done.add", result.value(), ms.getAsLong()) : "")));
    }

    /** A latency as typed: a whole number of milliseconds, 0 or more; else the notice says what is wrong. */
    private OptionalLong latency(String typed) {
        String text = typed == null ? "" : typed.strip();
        try {
            long ms = Long.parseLong(text);
            if (ms >= 0) {
                return OptionalLong.of(ms);
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        notice.set(notices.invalidInput(messages.format("cluster.latency.invalid", text)));
        return OptionalLong.empty();
    }

    private Consumer<HsmResult<Void>> report(String action, String success) {
        return result -> notice.set(notices.of(result, action, success));
    }

    /** A node taken offline or tampered with: done as asked, and the cluster is worse off - a warning. */
    private Consumer<HsmResult<Void>> degrading(String action, String success) {
        return result -> notice.set(notices.degrading(result, action, success));
    }

    private Optional<NodeTileModel> tile(int id) {
        return tiles.stream().filter(t -> t.id() == id).findFirst();
    }

    public ObservableList<NodeTileModel> tiles() {
        return tiles;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The attestation details of the selected node (null while the cluster has not been read). */
    public ReadOnlyObjectProperty<AttestationDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * Empty while every token key is on enough online HSMs for Client SDK 5; else how many are not, why
     * SDK 5 applications cannot use them (the documented message) and what makes them usable again.
     */
    public ReadOnlyStringProperty availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    public StringProperty newNodeLatencyProperty() {
        return newNodeLatency;
    }

    /** Reads the cluster again now (the watcher does so by itself on every change). */
    public void refresh() {
        cluster.refresh();
    }
}
