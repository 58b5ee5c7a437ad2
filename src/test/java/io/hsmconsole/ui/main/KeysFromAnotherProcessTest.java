package io.hsmconsole.ui.main;

import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import io.hsmconsole.ui.keylist.KeyListItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product spec §2.4: a key made by another process (here another cluster instance on the same data
 * directory, as a key_mgmt_util script is) appears in the logged-in user's key list and inspector
 * with the watcher's next check — one {@link ClusterController#WATCH_PERIOD} — and its coverage
 * follows replication check by check, on a manual clock.
 */
class KeysFromAnotherProcessTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    MainViewModel main;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir, new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 100L, 300L), null));
        main = new MainViewModel(f.workspace, f.sessions, f.keys, f.clusterView, Messages.load(), new RecordingDialogs(),
                (request, approved, cancelled) -> cancelled.run()); // no key here needs a quorum
        f.clusterView.watch();
        f.runner.runRepeatedChecks();
        f.login("example_user");
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private Optional<KeyRow> row(String label) {
        return main.keyList().rows().stream().map(KeyListItem::row).filter(r -> r.label().equals(label)).findFirst();
    }

    @Test
    void aScriptsKeyArrivesWithTheNextCheckAndItsCoverageFollowsReplication() {
        long handle;
        try (HsmCluster script = TestClusters.catalog(dir, f.clock).open("demo")) {
            HsmSession alice = TestClusters.login(script, "alice");
            // -min_srv 1: the script returns before the other HSMs have the key, so its coverage grows.
            handle = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "shared_by_script").withShareWith(List.of(3))
                    .withMinServers(1)).value().handle();
            alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "alices_own").withMinServers(1));
            alice.close();
        }
        assertThat(row("shared_by_script")).as("nothing before the watcher looks").isEmpty();

        f.runner.runRepeatedChecks();

        KeyRow arrived = row("shared_by_script").orElseThrow();
        assertThat(arrived.handle()).isEqualTo(handle);
        assertThat(arrived.coverage()).isEqualTo("1/3");
        assertThat(arrived.nodesHolding()).containsExactly(0);
        assertThat(arrived.clusterNodes()).containsExactly(0, 1, 2);
        assertThat(row("alices_own")).as("not shared with example_user").isEmpty();
        // On one HSM only: below Client SDK 5's key availability quorum until node 1 has it (issue 16).
        assertThat(arrived.belowAvailabilityQuorum()).isTrue();
        main.keyList().selectedProperty().set(arrived);
        assertThat(main.inspector().nodesProperty().get())
                .startsWith("0 (1 of 3) \u2014 below the key availability quorum: Client SDK 5 applications cannot use it now");

        f.clock.advance(100);
        f.runner.runRepeatedChecks();
        assertThat(row("shared_by_script").orElseThrow().nodesHolding()).containsExactly(0, 1);
        assertThat(row("shared_by_script").orElseThrow().belowAvailabilityQuorum()).as("replicated to node 1").isFalse();
        assertThat(main.inspector().nodesProperty().get()).isEqualTo("0, 1 (2 of 3)");

        f.clock.advance(200);
        f.runner.runRepeatedChecks();
        assertThat(row("shared_by_script").orElseThrow().coverage()).isEqualTo("3/3");
        assertThat(main.inspector().nodesProperty().get()).isEqualTo("0, 1, 2 (3 of 3)");
    }
}
