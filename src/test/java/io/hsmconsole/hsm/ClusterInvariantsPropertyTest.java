package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyQuery;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever sequence of key generations, node faults and waits happens: no handle is handed out
 * twice, no two keys share a non-empty ID, and a rolled-back key is on no node.
 */
class ClusterInvariantsPropertyTest {

    /** One step of a random scenario. */
    record Step(boolean session, String id, Integer minServers, Integer timeout, int toggleNode, long advanceMillis) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(
                Arbitraries.of(true, false, false),
                Arbitraries.of("", "", "a", "b", "c"),
                Arbitraries.of((Integer) null, 1, 2, 3),
                Arbitraries.of((Integer) null, 0, 1),
                Arbitraries.integers().between(-1, 2),
                Arbitraries.longs().between(0, 400)).as(Step::new);
    }

    @Property(tries = 20)
    void handlesAndIdsStayUniqueAndRollbacksLeaveNothing(@ForAll @Size(max = 25) List<@net.jqwik.api.From("steps") Step> steps)
            throws IOException {
        Path dir = Files.createTempDirectory("hsm-prop");
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
                    assertThat(handed.add(result.value().handle())).as("handle handed out twice").isTrue();
                    if (result.value().rolledBack()) {
                        rolledBack.add(result.value().handle());
                    }
                }
                clock.advance(step.advanceMillis());
            }
            for (long h : rolledBack) {
                assertThat(s.keyInfo(h).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
            }
            cluster.nodes().forEach(n -> cluster.setNodeOnline(n.id(), true));
            clock.advance(1_000);
            long tokenKeys = s.findKeys(new KeyQuery(null, null, null, null, false, null, null)).value().size();
            assertThat(cluster.nodes()).allSatisfy(n -> assertThat(n.keysHeld()).isEqualTo(tokenKeys));
            List<String> ids = new ArrayList<>();
            for (long h : s.findKeys(KeyQuery.all()).value()) {
                ids.add(s.attributes(h).value().get(io.hsmconsole.hsm.key.Attribute.ID).orElseThrow().text());
            }
            List<String> nonEmpty = ids.stream().filter(i -> !i.isEmpty()).toList();
            assertThat(nonEmpty).doesNotHaveDuplicates();
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
