package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.store.TestFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever sequence of key generations, node faults and waits happens: no handle is handed out
 * twice, no two keys share a non-empty ID, and a rolled-back key is on no node.
 */
class ClusterInvariantsPropertyTest {

    /** One step of a random scenario. */
    record Step(boolean session, String id, Integer minServers, Integer timeout, int toggleNode, long advanceMillis) {
    }

    private static Gen<Step> steps() {
        Gen<Boolean> session = Gen.of(true, false, false);
        Gen<String> id = Gen.of("", "", "a", "b", "c");
        Gen<Integer> minServers = Gen.ofNullable(null, 1, 2, 3);
        Gen<Integer> timeout = Gen.ofNullable(null, 0, 1);
        Gen<Integer> toggle = Gen.between(-1, 2);
        Gen<Long> advance = Gen.between(0L, 400L);
        return r -> new Step(session.next(r), id.next(r), minServers.next(r), timeout.next(r), toggle.next(r),
                advance.next(r));
    }

    @Test
    void handlesAndIdsStayUniqueAndRollbacksLeaveNothing() {
        Gen<List<Step>> scenarios = steps().list(0, 25);
        Trials.run(20, random -> {
            List<Step> steps = scenarios.next(random);
            Path dir = Files.createTempDirectory("hsm-prop");
            try {
                check(dir, steps);
            } finally {
                TestFiles.deleteTree(dir);
            }
        });
    }

    private static void check(Path dir, List<Step> steps) {
        ManualClock clock = new ManualClock(TestClusters.START);
        try (HsmCluster cluster = TestClusters.demo(dir, clock,
                new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 100L, 300L), null))) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            Set<Long> handed = new HashSet<>();
            List<Long> rolledBack = new ArrayList<>();
            for (Step step : steps) {
                if (step.toggleNode() >= 0) {
                    boolean online = cluster.nodes().get(step.toggleNode()).isOnline();
                    cluster.setNodeOnline(step.toggleNode(), !online);
                }
                GenSymKeyRequest r = GenSymKeyRequest.of(31, 16, "p").withId(step.id()).withSession(step.session())
                        .withMinServers(step.minServers()).withTimeoutSeconds(step.minServers() == null ? null : step.timeout());
                SyncObserver giveUpEventually = new SyncObserver() {
                    @Override
                    public boolean cancelled() {
                        return clock.nowMillis() - TestClusters.START > 10_000;
                    }
                };
                HsmResult<GeneratedKey> result = s.generateSymmetricKey(r, giveUpEventually);
                if (result.value() != null) {
                    assertThat(handed.add(result.value().handle())).as("handle handed out twice in %s", steps).isTrue();
                    if (result.value().rolledBack()) {
                        rolledBack.add(result.value().handle());
                    }
                }
                clock.advance(step.advanceMillis());
            }
            for (long h : rolledBack) {
                assertThat(s.keyInfo(h).code()).as("rolled-back key %d in %s", h, steps).isEqualTo(ReturnCode.INVALID_HANDLE);
            }
            cluster.nodes().forEach(n -> cluster.setNodeOnline(n.id(), true));
            clock.advance(1_000);
            long tokenKeys = s.findKeys(new KeyQuery(null, null, null, null, false, null, null)).value().size();
            assertThat(cluster.nodes()).as("keys held by each node after %s", steps)
                    .allSatisfy(n -> assertThat(n.keysHeld()).isEqualTo(tokenKeys));
            List<String> ids = new ArrayList<>();
            for (long h : s.findKeys(KeyQuery.all()).value()) {
                ids.add(s.attributes(h).value().get(Attribute.ID).orElseThrow().text());
            }
            assertThat(ids.stream().filter(i -> !i.isEmpty()).toList()).as("IDs after %s", steps).doesNotHaveDuplicates();
        }
    }
}
