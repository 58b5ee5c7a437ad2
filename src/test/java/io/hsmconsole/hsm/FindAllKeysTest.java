package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.NodeKeyList;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindAllKeysTest {
    @TempDir
    Path dir;

    @Test
    void officersSeeOwnershipPerNodeWithAHashThatShowsSync() {
        ManualClock clock = new ManualClock(TestClusters.START);
        try (HsmCluster cluster = TestClusters.demo(dir, clock,
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 500L), null))) {
            HsmSession cu = TestClusters.login(cluster, "example_user");
            long owned = cu.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "a").withMinServers(2)).value().handle();
            HsmSession alice = TestClusters.login(cluster, "alice");
            long shared = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "b").withShareWith(List.of(3))
                    .withMinServers(2)).value().handle();
            HsmSession co = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();

            List<NodeKeyList> lists = co.findAllKeys(3, true).value();
            assertThat(lists).extracting(NodeKeyList::nodeId).containsExactly(0, 1, 2);
            assertThat(lists.get(0).keys()).containsExactly(new NodeKeyList.Entry(owned, true), new NodeKeyList.Entry(shared, false));
            assertThat(lists.get(2).keys()).as("node 2 is still receiving").isEmpty();
            assertThat(lists.get(0).ownershipHash()).isEqualTo(lists.get(1).ownershipHash()).hasSize(64);
            clock.advance(500);
            List<NodeKeyList> synced = co.findAllKeys(3, true).value();
            assertThat(synced.get(2).ownershipHash()).isEqualTo(synced.get(0).ownershipHash());
            assertThat(co.findAllKeys(7, true).value().get(0).ownershipHash()).as("no keys, no hash").isNull();
            assertThat(co.findAllKeys(3, false).value().get(0).ownershipHash()).isNull();
            assertThat(cu.findAllKeys(3, true).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
            cluster.setNodeOnline(1, false);
            assertThat(co.findAllKeys(3, true).value()).extracting(NodeKeyList::nodeId).containsExactly(0, 2);
            assertThat(cluster.refuseWithoutLogin("findKey", "").nodes()).extracting(NodeResult::code)
                    .containsExactly(ReturnCode.NOT_LOGGED_IN, ReturnCode.SERVER_UNAVAILABLE, ReturnCode.NOT_LOGGED_IN);
            assertThat(cluster.servingNodeId()).isZero();
        }
    }
}
