package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.ClusterPki;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.Firmware;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.NodeRecord;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The simulation's actions on nodes, which no real HSM user can take: offline/online, latency, add and
 * remove, firmware tampering, "attest now". {@link HsmCluster} audits each one; here is what it does.
 */
final class NodeSimulation {
    private final HsmCluster cluster;

    NodeSimulation(HsmCluster cluster) {
        this.cluster = cluster;
    }

    /** Back online, every copy the node missed becomes available after its latency: it catches up. */
    HsmResult<Void> setOnline(int nodeId, boolean online) {
        return changeNode(nodeId, (tx, node) -> {
            if (online && !node.online()) {
                tx.schedulePendingCopies(nodeId, cluster.clock().nowMillis() + node.latencyMillis());
            }
            return node.withOnline(online);
        });
    }

    HsmResult<Void> setLatency(int nodeId, long latencyMillis) {
        if (latencyMillis < 0) {
            return HsmResult.refused(ReturnCode.NODE_INVALID);
        }
        return changeNode(nodeId, (tx, node) -> node.withLatency(latencyMillis));
    }

    /** Seeded from the first online node, as AWS seeds a new HSM from a backup; returns the new node's id. */
    HsmResult<Integer> add(long latencyMillis) {
        if (latencyMillis < 0) {
            return HsmResult.refused(ReturnCode.NODE_INVALID);
        }
        return cluster.write(tx -> {
            List<NodeRecord> nodes = tx.nodes();
            if (nodes.size() >= ClusterOptions.MAX_NODES) {
                return HsmResult.<Integer>refused(ReturnCode.NODE_INVALID);
            }
            int id = nodes.stream().mapToInt(NodeRecord::id).max().orElse(-1) + 1;
            String version = Firmware.CURRENT_VERSION;
            tx.upsertNode(new NodeRecord(id, true, latencyMillis, version, Firmware.knownGoodMeasurement(version)));
            IdentityItem mRoot = tx.identity(ClusterPki.MANUFACTURER_ROOT).orElseThrow();
            IdentityItem oRoot = tx.identity(ClusterPki.OPERATOR_ROOT).orElseThrow();
            ClusterPki.mintNode(mRoot, oRoot, tx.cluster().name(), id, cluster.clock().nowMillis(), new SecureRandom())
                    .forEach(tx::putIdentity);
            long now = cluster.clock().nowMillis();
            nodes.stream().filter(NodeRecord::online).findFirst()
                    .ifPresent(source -> tx.copyHeldKeys(source.id(), id, now, now + latencyMillis));
            return HsmResult.ok(id, List.of(new NodeResult(id, ReturnCode.SUCCESS)));
        });
    }

    /** The node and its copies go; the last node cannot be removed. */
    HsmResult<Void> remove(int nodeId) {
        return cluster.write(tx -> {
            List<NodeRecord> nodes = tx.nodes();
            if (nodes.size() <= 1 || nodes.stream().noneMatch(n -> n.id() == nodeId)) {
                return HsmResult.<Void>refused(ReturnCode.NODE_INVALID);
            }
            tx.deleteNode(nodeId);
            tx.deleteIdentities(ClusterPki.nodePrefix(nodeId));
            return HsmResult.<Void>ok(null, List.of(new NodeResult(nodeId, ReturnCode.SUCCESS)));
        });
    }

    /**
     * A modified firmware image ({@code tampered}) or the known-good one of the node's version: a
     * tampered node keeps serving, but what it measures (and signs) no longer matches.
     */
    HsmResult<Void> setFirmware(int nodeId, boolean tampered) {
        return changeNode(nodeId, (tx, n) -> {
            byte[] image = Firmware.image(n.firmwareVersion());
            if (tampered) {
                image[image.length / 2] ^= 0x5a;
            }
            return new NodeRecord(n.id(), n.online(), n.latencyMillis(), n.firmwareVersion(), Firmware.measure(image));
        });
    }

    /** "Attest now": the node signs a fresh challenge and the client verifies it. */
    HsmResult<AttestationReport> attest(int nodeId) {
        Optional<NodeRecord> node = cluster.store().nodes().stream().filter(n -> n.id() == nodeId).findFirst();
        if (node.isEmpty()) {
            return HsmResult.refused(ReturnCode.NODE_INVALID);
        }
        if (!node.get().online()) {
            return HsmResult.fail(ReturnCode.SERVER_UNAVAILABLE, List.of(new NodeResult(nodeId, ReturnCode.SERVER_UNAVAILABLE)));
        }
        AttestationReport report = new Attestation(cluster).attest(nodeId, ReturnCode.SUCCESS.code(), new byte[0]);
        return HsmResult.ok(report, List.of(new NodeResult(nodeId, ReturnCode.SUCCESS))).withAttestation(report);
    }

    /** Rewrites one node in a write transaction; NODE_INVALID when there is no such node. */
    private HsmResult<Void> changeNode(int nodeId, NodeChange change) {
        return cluster.write(tx -> {
            Optional<NodeRecord> node = tx.nodes().stream().filter(n -> n.id() == nodeId).findFirst();
            if (node.isEmpty()) {
                return HsmResult.<Void>refused(ReturnCode.NODE_INVALID);
            }
            tx.upsertNode(change.apply(tx, node.get()));
            return HsmResult.<Void>ok(null, List.of(new NodeResult(nodeId, ReturnCode.SUCCESS)));
        });
    }

    @FunctionalInterface
    private interface NodeChange {
        NodeRecord apply(ClusterStore.Transaction tx, NodeRecord node);
    }
}
