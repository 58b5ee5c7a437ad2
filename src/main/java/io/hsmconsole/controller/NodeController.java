package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.attest.AttestationReport;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulation actions on the open cluster's nodes (offline/online, latency, add/remove, tamper/restore
 * firmware) and "attest now". Every rule is the simulator's; a refusal comes back as a result value.
 * After a change the cluster is re-read at once, so the view does not wait for the watcher's next tick.
 *
 * <p>The simulator does not store attestation results, so the last report per node is remembered here,
 * for as long as the console has this cluster open (a report says when it was made).
 */
public final class NodeController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ClusterController cluster;
    private final ObservableMap<Integer, NodeAttestation> attestations = FXCollections.observableHashMap();
    // One wrapper for all listeners: an unmodifiable view only holds its listeners weakly through its owner.
    private final ObservableMap<Integer, NodeAttestation> readOnlyAttestations =
            FXCollections.unmodifiableObservableMap(attestations);

    public NodeController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError, ClusterController cluster) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
        this.cluster = cluster;
        workspace.clusterNameProperty().addListener((obs, old, now) -> attestations.clear());
    }

    /** The last attestation report of each node this console attested, by node id (UI thread only). */
    public ObservableMap<Integer, NodeAttestation> attestations() {
        return readOnlyAttestations;
    }

    public Optional<NodeAttestation> lastAttestation(int nodeId) {
        return Optional.ofNullable(attestations.get(nodeId));
    }

    /**
     * Remembers a report that came with another command's result ({@code -attest} on genSymKey, for
     * example), so the cluster view shows it as the node's last attestation. UI thread.
     */
    public void recordAttestation(AttestationReport report) {
        attestations.put(report.nodeId(), NodeAttestation.of(report));
    }

    public TaskHandle setOnline(int nodeId, boolean online, Consumer<HsmResult<Void>> done) {
        return change(online ? "bring node online" : "take node offline", c -> c.setNodeOnline(nodeId, online), done);
    }

    public TaskHandle setLatency(int nodeId, long latencyMillis, Consumer<HsmResult<Void>> done) {
        return change("set node latency", c -> c.setNodeLatency(nodeId, latencyMillis), done);
    }

    /** Adds a node seeded from an online one; the result carries the new node's id. */
    public TaskHandle addNode(long latencyMillis, Consumer<HsmResult<Integer>> done) {
        return change("add node", c -> c.addNode(latencyMillis), done);
    }

    public TaskHandle removeNode(int nodeId, Consumer<HsmResult<Void>> done) {
        return change("remove node", c -> c.removeNode(nodeId), result -> {
            if (result.isSuccess()) {
                attestations.remove(nodeId);
            }
            done.accept(result);
        });
    }

    public TaskHandle tamperFirmware(int nodeId, Consumer<HsmResult<Void>> done) {
        return change("tamper firmware", c -> c.tamperFirmware(nodeId), done);
    }

    public TaskHandle restoreFirmware(int nodeId, Consumer<HsmResult<Void>> done) {
        return change("restore firmware", c -> c.restoreFirmware(nodeId), done);
    }

    /**
     * "Attest now": the node signs a fresh challenge and the client verifies both chains, the
     * signature, the nonce and the measurement. A report (PASS or FAIL) is remembered as the node's
     * last attestation; an offline node gives no report, only its refusal. The result's value is the
     * report whenever there is one (code SUCCESS for PASS, ATTESTATION_FAILED for FAIL), else null.
     */
    public TaskHandle attest(int nodeId, Consumer<HsmResult<NodeAttestation>> done) {
        return runner.run(BackgroundWork.named("attest node", p -> workspace.cluster().attestNode(nodeId), onError)
                .onSuccess(result -> {
                    result.attestationReport().ifPresent(this::recordAttestation);
                    // A FAIL verdict comes with ATTESTATION_FAILED and the report; keep the report either way.
                    done.accept(new HsmResult<>(result.code(), result.nodes(),
                            result.attestationReport().map(NodeAttestation::of).orElse(null)));
                }));
    }

    private <T> TaskHandle change(String name, Function<HsmCluster, HsmResult<T>> action, Consumer<HsmResult<T>> done) {
        return runner.run(BackgroundWork.named(name, p -> action.apply(workspace.cluster()), onError)
                .onSuccess(result -> {
                    if (result.isSuccess()) {
                        cluster.refresh();
                    }
                    done.accept(result);
                }));
    }
}
