package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replication, -min_srv/-timeout and node faults, on a cluster with latencies 50/150/250 ms and a manual clock. */
class ReplicationTest extends DemoClusterTest {
    @Override
    HsmCluster openCluster() {
        return TestClusters.demoWithLatencies(dir, clock);
    }

    private List<Integer> holding(long handle) {
        return owner.keyInfo(handle).value().nodesHolding();
    }

    @Test
    void aTokenKeySpreadsAfterEachNodesLatency() {
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "aes256").withMinServers(1));
        long h = r.value().handle();
        assertThat(r.nodes()).as("-min_srv 1 returns before the others have it").containsExactly(new NodeResult(0, ReturnCode.SUCCESS));
        assertThat(holding(h)).containsExactly(0);
        assertThat(cluster.nodes()).extracting(NodeStatus::state)
                .containsExactly(NodeState.ACTIVE, NodeState.SYNCING, NodeState.SYNCING);
        clock.advance(150);
        assertThat(holding(h)).containsExactly(0, 1);
        clock.advance(100);
        assertThat(holding(h)).containsExactly(0, 1, 2);
        assertThat(cluster.nodes()).extracting(NodeStatus::state).containsOnly(NodeState.ACTIVE);
        assertThat(cluster.nodes()).extracting(NodeStatus::keysHeld).containsOnly(1L);
    }

    @Test
    void minSrvWaitsForEnoughNodesAndListsThemInArrivalOrder() {
        long start = clock.nowMillis();
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withMinServers(3));
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(r.nodes()).extracting(NodeResult::nodeId).containsExactly(0, 1, 2);
        assertThat(clock.nowMillis() - start).isEqualTo(250);
    }

    /**
     * Issue 19 item 12: without -min_srv the tool syncs the key to every HSM before it returns and
     * lists them all (key_mgmt_util-imSymKey.md: three lines, unWrapKey.md: two), serving node first.
     */
    @Test
    void withoutMinSrvACreateReturnsOnceEveryOnlineHsmHoldsTheKeyAndListsThemServingNodeFirst() {
        long start = clock.nowMillis();
        HsmResult<GeneratedKey> first = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "first"));
        assertThat(first.nodes()).extracting(NodeResult::nodeId).containsExactly(0, 1, 2);
        assertThat(clock.nowMillis() - start).as("the slowest node's latency").isEqualTo(250);
        assertThat(holding(first.value().handle())).containsExactly(0, 1, 2);

        HsmResult<GeneratedKey> second = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "second"));
        assertThat(second.value().servingNode()).isEqualTo(1);
        assertThat(second.nodes()).as("imSymKey.md's order: the serving node, then the others by id")
                .extracting(NodeResult::nodeId).containsExactly(1, 0, 2);
    }

    @Test
    void withoutMinSrvAnOfflineHsmIsNotWaitedForAndAnswersUnavailable() {
        cluster.setNodeOnline(2, false);
        long start = clock.nowMillis();
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k"));
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(r.nodes()).containsExactly(new NodeResult(0, ReturnCode.SUCCESS), new NodeResult(1, ReturnCode.SUCCESS),
                new NodeResult(2, ReturnCode.SERVER_UNAVAILABLE));
        assertThat(clock.nowMillis() - start).isEqualTo(150);
    }

    /**
     * Issue 19 item 13: a node still receiving a key has not answered a command on it yet and is not
     * listed (never 0xa8); asked whether it has the key (getKeyInfo, findSingleKey), it says no.
     */
    @Test
    void aNodeStillReceivingAKeyIsLeftOutOfACommandsBlockButSaysNoWhenAsked() {
        long wrapper = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
        long locked = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "locked").withNonExtractable(true)
                .withMinServers(1)).value().handle();
        assertThat(owner.transfers().exportKey(locked, wrapper).nodes()).as("only node 1 has it yet")
                .containsExactly(new NodeResult(1, ReturnCode.KEY_NOT_EXTRACTABLE));
        assertThat(owner.keyInfo(locked).nodes()).containsExactly(new NodeResult(0, ReturnCode.INVALID_HANDLE),
                new NodeResult(1, ReturnCode.SUCCESS), new NodeResult(2, ReturnCode.INVALID_HANDLE));
        clock.advance(250);
        assertThat(owner.transfers().exportKey(locked, wrapper).nodes()).extracting(NodeResult::code)
                .containsOnly(ReturnCode.KEY_NOT_EXTRACTABLE).hasSize(3);
    }

    /** setAttribute.md: a session key made persistent is answered by every HSM, so the command waits for them. */
    @Test
    void aSessionKeyMadePersistentReturnsOnceEveryOnlineHsmHoldsIt() {
        long h = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 24, "tmpAES").withSession(true)).value().handle();
        long start = clock.nowMillis();
        HsmResult<Void> r = owner.setAttribute(h, Attribute.TOKEN, 1, null);
        assertThat(r.nodes()).extracting(NodeResult::code).containsOnly(ReturnCode.SUCCESS).hasSize(3);
        assertThat(clock.nowMillis() - start).isEqualTo(250);
        assertThat(holding(h)).containsExactly(0, 1, 2);
    }

    @Test
    void anOfflineNodeAnswersUnavailableAndCatchesUpWhenBack() {
        cluster.setNodeOnline(2, false);
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withMinServers(2));
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(r.nodes()).containsExactly(new NodeResult(0, ReturnCode.SUCCESS), new NodeResult(1, ReturnCode.SUCCESS),
                new NodeResult(2, ReturnCode.SERVER_UNAVAILABLE));
        long h = r.value().handle();
        clock.advance(10_000);
        assertThat(holding(h)).containsExactly(0, 1);
        assertThat(cluster.nodes().get(2).state()).isEqualTo(NodeState.OFFLINE);
        cluster.setNodeOnline(2, true);
        assertThat(cluster.nodes().get(2).state()).isEqualTo(NodeState.SYNCING);
        clock.advance(250);
        assertThat(holding(h)).containsExactly(0, 1, 2);
    }

    @Test
    void timeoutRollsTheKeyBackOnEveryNode() {
        cluster.setNodeOnline(2, false);
        long start = clock.nowMillis();
        List<Integer> progress = new ArrayList<>();
        SyncObserver watch = new SyncObserver() {
            @Override
            public void waiting(long handle, int holding, int required, long elapsed) {
                progress.add(holding);
            }
        };
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(
                GenSymKeyRequest.of(31, 16, "k").withMinServers(3).withTimeoutSeconds(1), watch);
        assertThat(r.code()).isEqualTo(ReturnCode.MIN_SRV_NOT_REACHED);
        assertThat(r.value().rolledBack()).isTrue();
        assertThat(clock.nowMillis() - start).isEqualTo(1000);
        assertThat(progress).isNotEmpty().contains(1, 2);
        long h = r.value().handle();
        assertThat(owner.keyInfo(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
        assertThat(cluster.info().tokenKeyCount()).isZero();
        cluster.setNodeOnline(2, true);
        clock.advance(1000);
        assertThat(cluster.nodes()).extracting(NodeStatus::keysHeld).containsOnly(0L);
    }

    @Test
    void cancellingTheWaitRollsBackToo() {
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        SyncObserver cancel = new SyncObserver() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withMinServers(2), cancel);
        assertThat(r.code()).isEqualTo(ReturnCode.SYNC_CANCELLED);
        assertThat(cluster.info().tokenKeyCount()).isZero();
    }

    @Test
    void withoutTimeoutTheWaitLastsUntilTheNodeReturns() throws Exception {
        cluster.setNodeOnline(2, false);
        // Another "process" brings node 2 back while the generation waits.
        SyncObserver bringBack = new SyncObserver() {
            @Override
            public void waiting(long handle, int holding, int required, long elapsed) {
                if (elapsed >= 5_000 && !cluster.nodes().get(2).isOnline()) {
                    cluster.setNodeOnline(2, true);
                }
            }
        };
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withMinServers(3), bringBack);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(r.nodes()).extracting(NodeResult::nodeId).containsExactly(0, 1, 2);
    }

    @Test
    void keysAreMadeRoundRobinOnOnlineNodesOnly() {
        cluster.setNodeOnline(1, false);
        List<Integer> serving = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            serving.add(owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k")).value().servingNode());
        }
        assertThat(serving).doesNotContain(1).contains(0, 2);
    }

    @Test
    void noOnlineNodeMeansNoKey() {
        for (int n = 0; n < 3; n++) {
            cluster.setNodeOnline(n, false);
        }
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k"));
        assertThat(r.code()).isEqualTo(ReturnCode.NO_ACTIVE_NODE);
        assertThat(r.nodes()).extracting(NodeResult::code).containsOnly(ReturnCode.SERVER_UNAVAILABLE);
    }

    @Test
    void anAddedNodeIsSeededFromAnExistingOneAndRemovedNodesDropTheirCopies() {
        long h = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k").withMinServers(3)).value().handle();
        int added = cluster.addNode(100).value();
        assertThat(added).isEqualTo(3);
        assertThat(holding(h)).containsExactly(0, 1, 2);
        clock.advance(100);
        assertThat(holding(h)).containsExactly(0, 1, 2, 3);
        assertThat(cluster.removeNode(1).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(holding(h)).containsExactly(0, 2, 3);
        assertThat(cluster.nodeIds()).containsExactly(0, 2, 3)
                .isEqualTo(cluster.nodes().stream().map(NodeStatus::id).toList());
        assertThat(cluster.removeNode(9).code()).isEqualTo(ReturnCode.NODE_INVALID);
        assertThat(cluster.setNodeLatency(0, 500).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.nodes().get(0).latencyMillis()).isEqualTo(500);
    }
}
