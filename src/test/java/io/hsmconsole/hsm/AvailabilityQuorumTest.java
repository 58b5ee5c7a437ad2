package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key availability quorum as the console asks it ({@link AvailabilityQuorum}, the cluster-wide count
 * {@link HsmCluster#tokenKeysBelowAvailabilityQuorum}) answers as the SDK 5 paths' own check
 * ({@link HsmSession#checkKeyAvailability}) does, through nodes going offline and coming back and copies
 * still replicating (latencies 50/150/250 ms, manual clock).
 */
class AvailabilityQuorumTest extends DemoClusterTest {
    @Override
    HsmCluster openCluster() {
        return TestClusters.demoWithLatencies(dir, clock);
    }

    @Test
    void aSessionKeyIsNeverBelowTheQuorumATokenKeyNeedsTwoOnlineHsms() {
        assertThat(AvailabilityQuorum.met(false, List.of(0), Set.of(0))).isTrue();
        assertThat(AvailabilityQuorum.met(true, List.of(0), Set.of(0, 1, 2))).isFalse();
        assertThat(AvailabilityQuorum.met(true, List.of(0, 1), Set.of(0, 2))).as("node 1 offline").isFalse();
        assertThat(AvailabilityQuorum.met(true, List.of(0, 1), Set.of(0, 1))).isTrue();
        assertThat(ReturnCode.KEY_NOT_AVAILABLE.text()).endsWith(AvailabilityQuorum.REQUIREMENT);
    }

    @Test
    void theClusterWideCountAgreesWithEachKeysOwnCheckThroughOfflineNodesAndReplication() {
        List<Long> keys = new ArrayList<>();
        int round = 0;
        for (int offline = 0; offline < 8; offline++) {
            for (int node = 0; node < 3; node++) {
                cluster.setNodeOnline(node, (offline & (1 << node)) == 0);
            }
            HsmResult<io.hsmconsole.hsm.key.GeneratedKey> made =
                    owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k" + round++).withMinServers(1));
            if (made.isSuccess()) { // not while every node is offline
                keys.add(made.value().handle());
            }
            for (long step : new long[] {0, 60, 100, 200}) {
                clock.advance(step);
                long unusable = keys.stream()
                        .filter(h -> owner.checkKeyAvailability(h).code() == ReturnCode.KEY_NOT_AVAILABLE).count();
                assertThat(cluster.tokenKeysBelowAvailabilityQuorum())
                        .as("offline mask %s, +%d ms", Integer.toBinaryString(offline), step).isEqualTo(unusable);
            }
        }
        assertThat(keys).isNotEmpty();
    }

    @Test
    void aKeyHeldByOneOnlineHsmIsCountedUntilASecondHoldsItAgain() {
        long h = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "spread").withMinServers(1)).value().handle();
        assertThat(cluster.tokenKeysBelowAvailabilityQuorum()).as("not yet replicated").isEqualTo(1);
        clock.advance(250);
        assertThat(cluster.tokenKeysBelowAvailabilityQuorum()).isZero();
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        assertThat(cluster.tokenKeysBelowAvailabilityQuorum()).isEqualTo(1);
        owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "session").withSession(true));
        assertThat(cluster.tokenKeysBelowAvailabilityQuorum()).as("session keys are not subject to it").isEqualTo(1);
        cluster.setNodeOnline(2, true);
        assertThat(cluster.tokenKeysBelowAvailabilityQuorum()).as("node 2 still holds its copy").isZero();
        assertThat(owner.checkKeyAvailability(h).code()).isEqualTo(ReturnCode.SUCCESS);
    }
}
