package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandlesTest {
    private static final int MAX_NODE = 27;
    private static final long MIN_COUNTER = 6;
    private static final long MAX_COUNTER = 1L << 30;

    @Test
    void followsTheCloudHsmPattern() {
        assertThat(Handles.of(0, 6)).isEqualTo(6);
        assertThat(Handles.of(1, 6)).isEqualTo(262150);
        assertThat(Handles.of(2, 8)).isEqualTo(524296);
        assertThat(Handles.nodeOf(524296)).isEqualTo(2);
        // cloudhsm_mgmt_util-findAllKeys.md: 17, 262162, 19 is the HSM's order (counters 17, 18, 19).
        assertThat(Handles.counterOf(262162)).isEqualTo(18);
    }

    @Test
    void distinctCountersNeverShareAHandle() {
        // The ends of each range come up often: that is where a packing of node and counter breaks.
        Gen<Integer> node = Gen.frequency(Gen.weight(3, Gen.between(0, MAX_NODE)), Gen.weight(1, Gen.of(0, 1, MAX_NODE)));
        Gen<Long> counter = Gen.frequency(Gen.weight(3, Gen.between(MIN_COUNTER, MAX_COUNTER)),
                Gen.weight(1, Gen.of(MIN_COUNTER, MIN_COUNTER + 1, 262143L, 262144L, MAX_COUNTER - 1, MAX_COUNTER)));
        // Pairs that differ only where a careless packing would lose them: the same node, and counters
        // with the same low 18 bits (a whole number of 2^18 apart) or right across the 2^18 boundary.
        Gen<Long> offset = Gen.frequency(Gen.weight(2, Gen.between(1L, 64L).map(k -> k << 18)),
                Gen.weight(1, Gen.of(1L, -1L)));
        Trials.run(1_000, random -> {
            int nodeA = node.next(random);
            long a = counter.next(random);
            boolean near = random.nextBoolean();
            int nodeB = near ? nodeA : node.next(random);
            long b = near ? Math.max(MIN_COUNTER, Math.min(MAX_COUNTER, a + offset.next(random) * (random.nextBoolean() ? 1 : -1)))
                    : random.nextInt(4) == 0 ? a : counter.next(random);
            if (a != b) {
                assertThat(Handles.of(nodeA, a)).as("node %d counter %d and node %d counter %d", nodeA, a, nodeB, b)
                        .isNotEqualTo(Handles.of(nodeB, b));
            }
            assertThat(Handles.nodeOf(Handles.of(nodeA, a))).as("the node of node %d's counter %d", nodeA, a)
                    .isEqualTo(nodeA);
            // findAllKeys lists keys in the order they were made: the counter must come back out.
            assertThat(Handles.counterOf(Handles.of(nodeA, a))).as("the counter of node %d's counter %d", nodeA, a)
                    .isEqualTo(a);
        });
    }
}
