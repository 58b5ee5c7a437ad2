package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Handles;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandlesTest {
    @Test
    void followsTheCloudHsmPattern() {
        assertThat(Handles.of(0, 6)).isEqualTo(6);
        assertThat(Handles.of(1, 6)).isEqualTo(262150);
        assertThat(Handles.of(2, 8)).isEqualTo(524296);
        assertThat(Handles.nodeOf(524296)).isEqualTo(2);
    }

    @Property
    void distinctCountersNeverShareAHandle(@ForAll @IntRange(max = 27) int nodeA, @ForAll @IntRange(max = 27) int nodeB,
                                           @ForAll @LongRange(min = 6, max = 1L << 30) long a,
                                           @ForAll @LongRange(min = 6, max = 1L << 30) long b) {
        if (a != b) {
            assertThat(Handles.of(nodeA, a)).isNotEqualTo(Handles.of(nodeB, b));
        }
        assertThat(Handles.nodeOf(Handles.of(nodeA, a))).isEqualTo(nodeA);
    }
}
