package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterControllerTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    final List<Long> heard = new ArrayList<>();

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir, new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 100L, 300L), null));
        f.clusterView.addChangeListener(() -> heard.add(f.clusterView.snapshotProperty().get().changeCounter()));
        f.clusterView.watch();
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    @Test
    void theFirstCheckPublishesTheClusterAndQuietChecksPublishNothing() {
        f.runner.runRepeatedChecks();
        f.runner.runRepeatedChecks();

        ClusterSnapshot snapshot = f.clusterView.snapshotProperty().get();
        assertThat(snapshot.info().name()).isEqualTo("demo");
        assertThat(snapshot.nodes()).hasSize(3);
        assertThat(snapshot.users()).hasSize(7);
        assertThat(heard).hasSize(1);
    }

    @Test
    void aKeyMadeByAnotherProcessIsNoticedAndItsReplicationIsFollowedUntilComplete() {
        f.runner.runRepeatedChecks();
        // A second store connection on the same files: what a key_mgmt_util process does.
        try (HsmCluster script = TestClusters.catalog(dir, f.clock).open("demo")) {
            HsmSession s = TestClusters.login(script, "alice");
            // -min_srv 1: the script does not wait for every HSM, so the window sees the key spread.
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "from_script").withMinServers(1));

            f.runner.runRepeatedChecks();
            ClusterSnapshot first = f.clusterView.snapshotProperty().get();
            f.clock.advance(100);
            f.runner.runRepeatedChecks();
            f.clock.advance(200);
            f.runner.runRepeatedChecks();
            f.runner.runRepeatedChecks();

            assertThat(first.info().tokenKeyCount()).isEqualTo(1);
            assertThat(first.syncing()).isTrue();
            assertThat(f.clusterView.snapshotProperty().get().syncing()).isFalse();
            assertThat(f.clusterView.snapshotProperty().get().nodes()).allMatch(n -> n.keysHeld() == 1);
            assertThat(heard).hasSize(4);
        }
    }

    @Test
    void aStoreThatCannotBeReadIsReportedOnceNotAtEveryCheck() {
        f.runner.runRepeatedChecks();
        f.cluster.close(); // every read fails from now on, the same way each time

        f.runner.runRepeatedChecks();
        f.runner.runRepeatedChecks();
        f.runner.runRepeatedChecks();

        assertThat(f.errors).hasSize(1);
        f.errors.clear();
    }
}
