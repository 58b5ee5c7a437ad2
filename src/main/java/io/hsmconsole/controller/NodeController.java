package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulation actions on the open cluster's nodes (offline/online, latency, add/remove, tamper/restore
 * firmware) and "attest now". Every rule is the simulator's; a refusal comes back as a result value.
 * After a change the cluster is re-read at once, so the view does not wait for the watcher's next tick.
 *
 * <p>Each node's last attestation lives in the store (whichever process made it, also {@code -attest}
 * on a command); it reaches the view with the cluster's snapshot.
 */
public final class NodeController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ClusterController cluster;

    public NodeController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError, ClusterController cluster) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
        this.cluster = cluster;
    }

    /** The node's last attestation as last read from the store (UI thread only). */
    public Optional<NodeAttestation> lastAttestation(int nodeId) {
        ClusterSnapshot snapshot = cluster.snapshotProperty().get();
        return snapshot == null ? Optional.empty() : snapshot.lastAttestation(nodeId);
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
        return change("remove node", c -> c.removeNode(nodeId), done);
    }

    public TaskHandle tamperFirmware(int nodeId, Consumer<HsmResult<Void>> done) {
        return change("tamper firmware", c -> c.tamperFirmware(nodeId), done);
    }

    public TaskHandle restoreFirmware(int nodeId, Consumer<HsmResult<Void>> done) {
        return change("restore firmware", c -> c.restoreFirmware(nodeId), done);
    }

    /**
     * "Attest now": the node signs a fresh challenge and the client verifies both chains, the
     * signature, the nonce and the measurement. The simulator keeps a report (PASS or FAIL) as the node's
     * last attestation; an offline node gives no report, only its refusal. The result's value is the
     * report whenever there is one (code SUCCESS for PASS, ATTESTATION_FAILED for FAIL), else null.
     */
    public TaskHandle attest(int nodeId, Consumer<HsmResult<NodeAttestation>> done) {
        return runner.run(BackgroundWork.named("attest node", p -> workspace.cluster().attestNode(nodeId), onError)
                .onSuccess(result -> {
                    if (result.attestationReport().isPresent()) {
                        cluster.refresh(); // the new verdict is in the store now
                    }
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
