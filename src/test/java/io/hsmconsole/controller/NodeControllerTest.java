package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.cluster.NodeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

class NodeControllerTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    NodeController nodes;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        nodes = new NodeController(f.workspace, f.runner, f.errors::add, f.clusterView);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private NodeStatus node(int id) {
        return f.clusterView.snapshotProperty().get().nodes().stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    @Test
    void takingANodeOfflineIsSeenInTheNextSnapshotAtOnce() {
        HsmResult<Void> r = await(done -> nodes.setOnline(2, false, done));

        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(node(2).state()).isEqualTo(NodeState.OFFLINE);
        HsmResult<Void> back = await(done -> nodes.setOnline(2, true, done));
        assertThat(back.isSuccess()).isTrue();
        assertThat(node(2).state()).isEqualTo(NodeState.ACTIVE);
    }

    @Test
    void aTamperedNodeFailsAttestationForItsMeasurementUntilRestored() {
        HsmResult<Void> tampered = await(done -> nodes.tamperFirmware(1, done));
        assertThat(tampered.isSuccess()).isTrue();
        assertThat(node(1).state()).isEqualTo(NodeState.TAMPERED);

        HsmResult<NodeAttestation> failed = await(done -> nodes.attest(1, done));
        assertThat(failed.code()).isEqualTo(ReturnCode.ATTESTATION_FAILED);
        assertThat(failed.value().passed()).isFalse();
        assertThat(failed.value().reason()).startsWith("measurement mismatch");
        assertThat(failed.value().measuredHex()).isNotEqualTo(failed.value().expectedHex());
        assertThat(nodes.lastAttestation(1)).contains(failed.value());

        HsmResult<Void> restored = await(done -> nodes.restoreFirmware(1, done));
        assertThat(restored.isSuccess()).isTrue();
        HsmResult<NodeAttestation> passed = await(done -> nodes.attest(1, done));
        assertThat(passed.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(passed.value().passed()).isTrue();
        assertThat(passed.value().manufacturerChain()).hasSize(3);
        assertThat(passed.value().operatorChain()).hasSize(3);
        assertThat(nodes.lastAttestation(1)).contains(passed.value());
        assertThat(nodes.lastAttestation(0)).isEmpty();
    }

    @Test
    void anOfflineNodeCannotBeAttestedAndLeavesNoReport() {
        HsmResult<Void> offline = await(done -> nodes.setOnline(2, false, done));
        assertThat(offline.isSuccess()).isTrue();

        HsmResult<NodeAttestation> r = await(done -> nodes.attest(2, done));

        assertThat(r.code()).isEqualTo(ReturnCode.SERVER_UNAVAILABLE);
        assertThat(r.value()).isNull();
        assertThat(nodes.lastAttestation(2)).isEmpty();
    }

    @Test
    void addedNodesAppearAndRemovedNodesTakeTheirReportWithThem() {
        HsmResult<Integer> added = await(done -> nodes.addNode(0, done));
        assertThat(added.value()).isEqualTo(3);
        assertThat(f.clusterView.snapshotProperty().get().nodes()).extracting(NodeStatus::id).containsExactly(0, 1, 2, 3);
        HsmResult<NodeAttestation> fresh = await(done -> nodes.attest(3, done));
        assertThat(fresh.value().passed()).isTrue();
        assertThat(nodes.lastAttestation(3)).isPresent();

        HsmResult<Void> removed = await(done -> nodes.removeNode(3, done));

        assertThat(removed.isSuccess()).isTrue();
        assertThat(nodes.lastAttestation(3)).isEmpty();
        assertThat(f.clusterView.snapshotProperty().get().nodes()).extracting(NodeStatus::id).containsExactly(0, 1, 2);
        HsmResult<Integer> again = await(done -> nodes.addNode(0, done));
        assertThat(again.value()).as("the id comes back").isEqualTo(3);
        assertThat(nodes.lastAttestation(3)).as("the new node 3 was never attested").isEmpty();
    }

    @Test
    void theSimulatorsRefusalsComeBackAsResults() {
        HsmResult<Void> latency = await(done -> nodes.setLatency(9, 10, done));
        HsmResult<Void> negative = await(done -> nodes.setLatency(1, -1, done));

        assertThat(latency.code()).isEqualTo(ReturnCode.NODE_INVALID);
        assertThat(negative.code()).isEqualTo(ReturnCode.NODE_INVALID);
        HsmResult<Void> set = await(done -> nodes.setLatency(1, 250, done));
        assertThat(set.isSuccess()).isTrue();
        assertThat(node(1).latencyMillis()).isEqualTo(250);
    }
}
