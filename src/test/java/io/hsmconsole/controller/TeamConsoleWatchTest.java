package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.ChangeSubscription;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.postgresql.TeamMachines;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on machine A in team mode: a key made and node actions taken on machine B show on A's
 * node tiles after B's commit is announced, and ticks with nothing announced ask the server nothing
 * (the store A's console uses counts every call made to it). Waits are generous bounds, not timings.
 */
class TeamConsoleWatchTest {
    private static final long BOUND_SECONDS = 60;

    @Test
    void changesMadeOnMachineBShowOnMachineAWithoutPollingTheServer() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        try (TeamMachines team = new TeamMachines()) {
            team.createOnA().close();
            AtomicInteger storeCalls = new AtomicInteger();
            ClusterStore counted = counting(team.backend.open(
                    new DataDirectory(team.machineA).clusterDir(TeamMachines.CLUSTER), new SecureRandom()), storeCalls);
            SameThreadTaskRunner runner = new SameThreadTaskRunner();
            try (HsmCluster a = new HsmCluster(counted, team.clock); HsmCluster b = team.openOnB();
                 HsmSession onB = TestClusters.login(b, "alice")) {
                awaitListening(a);
                ClusterController console = new ClusterController(new Workspace(team.catalog(team.machineA), a),
                        runner, errors::add);
                TaskHandle watching = console.watch();
                runner.runRepeatedChecks();
                assertThat(console.snapshotProperty().get().info().tokenKeyCount()).isZero();

                Semaphore announced = new Semaphore(0);
                try (ChangeSubscription probe = a.subscribe(announced::release).orElseThrow()) {
                    assertThat(onB.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "made_on_b")).isSuccess()).isTrue();
                    assertThat(announced.tryAcquire(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
                    runner.runRepeatedChecks();
                    assertThat(console.snapshotProperty().get().nodes()).extracting(NodeStatus::keysHeld)
                            .containsExactly(1L, 1L, 1L);

                    int before = storeCalls.get();
                    for (int i = 0; i < 8; i++) {
                        runner.runRepeatedChecks();
                    }
                    assertThat(storeCalls.get()).as("quiet ticks ask the server nothing").isEqualTo(before);

                    assertThat(b.setNodeOnline(1, false).isSuccess()).isTrue();
                    assertThat(b.tamperFirmware(2).isSuccess()).isTrue();
                    // Commits heard together are told once: tick after each announcement until both show.
                    List<NodeState> expected = List.of(NodeState.ACTIVE, NodeState.OFFLINE, NodeState.TAMPERED);
                    for (int heard = 0; heard < 2 && !states(console).equals(expected); heard++) {
                        assertThat(announced.tryAcquire(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
                        runner.runRepeatedChecks();
                    }
                }
                assertThat(states(console)).containsExactly(NodeState.ACTIVE, NodeState.OFFLINE, NodeState.TAMPERED);
                watching.cancel();
            }
        }
        assertThat(errors).isEmpty();
    }

    private static List<NodeState> states(ClusterController console) {
        return console.snapshotProperty().get().nodes().stream().map(NodeStatus::state).toList();
    }

    /** Waits until the cluster's channel listens, so that the console's first tick is not followed by a late call. */
    private static void awaitListening(HsmCluster a) throws InterruptedException {
        Semaphore live = new Semaphore(0);
        try (ChangeSubscription s = a.subscribe(live::release).orElseThrow()) {
            assertThat(live.tryAcquire(BOUND_SECONDS, TimeUnit.SECONDS)).as("the change channel listens").isTrue();
        }
    }

    /** The real store, each call counted (subscribing is not a call to the server). */
    private static ClusterStore counting(ClusterStore store, AtomicInteger calls) {
        return (ClusterStore) Proxy.newProxyInstance(ClusterStore.class.getClassLoader(),
                new Class<?>[] {ClusterStore.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("subscribe")) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
