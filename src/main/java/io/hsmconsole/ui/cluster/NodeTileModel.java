package io.hsmconsole.ui.cluster;

import io.hsmconsole.controller.NodeAttestation;
import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.TimeText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One node's tile: its state badge, keys held and pending, replication latency, firmware and last
 * attestation, as sentences; plus the latency the user is typing. Updated in place on every reading,
 * so focus and typing survive the live refresh.
 */
public final class NodeTileModel {
    /** How the last attestation went, for the tile's colour. */
    public enum Verdict { NONE, PASS, FAIL }

    private final int id;
    private final Messages messages;
    private final TimeText time;
    private final ReadOnlyObjectWrapper<NodeState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper keys = new ReadOnlyStringWrapper(this, "keys", "");
    private final ReadOnlyStringWrapper replication = new ReadOnlyStringWrapper(this, "replication", "");
    private final ReadOnlyStringWrapper firmware = new ReadOnlyStringWrapper(this, "firmware", "");
    private final ReadOnlyStringWrapper attestation = new ReadOnlyStringWrapper(this, "attestation", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict", Verdict.NONE);
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private final ReadOnlyStringWrapper onlineAction = new ReadOnlyStringWrapper(this, "onlineAction", "");
    private final ReadOnlyStringWrapper whyNotTamper = new ReadOnlyStringWrapper(this, "whyNotTamper", "");
    private final ReadOnlyStringWrapper whyNotRestore = new ReadOnlyStringWrapper(this, "whyNotRestore", "");
    private final StringProperty latencyInput = new SimpleStringProperty(this, "latencyInput", "");
    private long shownLatency = -1;

    NodeTileModel(int id, Messages messages, TimeText time) {
        this.id = id;
        this.messages = messages;
        this.time = time;
        title.set(messages.format("cluster.tile.title", id));
        showAttestation(null);
    }

    void show(NodeStatus node) {
        state.set(node.state());
        keys.set(messages.format("cluster.tile.keys", node.keysHeld(), node.keysPending()));
        String replicationText = node.keysPending() == 0 ? "cluster.tile.replication"
                : node.isOnline() ? "cluster.tile.replication.catchingUp" : "cluster.tile.replication.missing";
        replication.set(messages.format(replicationText, node.latencyMillis(), node.keysPending()));
        firmware.set(messages.format("cluster.tile.firmware", node.firmwareVersion()));
        online.set(node.isOnline());
        onlineAction.set(messages.get(node.isOnline() ? "cluster.action.offline" : "cluster.action.online"));
        boolean knownGood = node.firmwareKnownGood();
        whyNotTamper.set(knownGood ? "" : messages.format("cluster.why.tamper", id));
        whyNotRestore.set(knownGood ? messages.format("cluster.why.restore", id) : "");
        // Keep what the user is typing; follow the node only while the field still shows the old value.
        if (shownLatency < 0 || latencyInput.get().equals(Long.toString(shownLatency))) {
            latencyInput.set(Long.toString(node.latencyMillis()));
        }
        shownLatency = node.latencyMillis();
    }

    void showAttestation(NodeAttestation report) {
        if (report == null) {
            verdict.set(Verdict.NONE);
            attestation.set(messages.get("cluster.tile.attestation.none"));
        } else {
            verdict.set(report.passed() ? Verdict.PASS : Verdict.FAIL);
            attestation.set(messages.format(report.passed() ? "cluster.tile.attestation.pass"
                    : "cluster.tile.attestation.fail", time.format(report.timeMillis()), failedCheck(report.reason())));
        }
    }

    /**
     * The simulator's reasons start with the name of the failed check ("measurement mismatch: the
     * node's firmware …"); the tile shows that name, the details pane the whole sentence.
     */
    private static String failedCheck(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }

    public int id() {
        return id;
    }

    public ReadOnlyObjectProperty<NodeState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public NodeState state() {
        return state.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** {@code 12 keys held · 0 pending}. */
    public ReadOnlyStringProperty keysProperty() {
        return keys.getReadOnlyProperty();
    }

    /** The node's replication latency, and how many keys it is still catching up on. */
    public ReadOnlyStringProperty replicationProperty() {
        return replication.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty firmwareProperty() {
        return firmware.getReadOnlyProperty();
    }

    /**
     * {@code Last attestation: PASS at 2025-06-01 14:03:22}, {@code … FAIL at … — measurement mismatch},
     * or that there was none yet; by whichever process attested the node.
     */
    public ReadOnlyStringProperty attestationProperty() {
        return attestation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** "Take offline" or "Bring online", whichever applies now. */
    public ReadOnlyStringProperty onlineActionProperty() {
        return onlineAction.getReadOnlyProperty();
    }

    /** Why "Tamper" does nothing now (the firmware is already not the known-good image), or empty. */
    public ReadOnlyStringProperty whyNotTamperProperty() {
        return whyNotTamper.getReadOnlyProperty();
    }

    /** Why "Restore" does nothing now (the node runs the known-good firmware), or empty. */
    public ReadOnlyStringProperty whyNotRestoreProperty() {
        return whyNotRestore.getReadOnlyProperty();
    }

    /** The latency field of the tile, in milliseconds as typed. */
    public StringProperty latencyInputProperty() {
        return latencyInput;
    }
}
