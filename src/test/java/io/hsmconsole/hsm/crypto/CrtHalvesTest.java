package io.hsmconsole.hsm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hsmconsole.property.Trials;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The hand-off of a CRT half between the caller and the worker: every way the two can meet (the worker
 * spinning or parked when a half comes, the caller spinning or parked when the worker's half is late, the
 * caller taking an unstarted half back) gives the half's own value, and no wake-up is lost (a lost one
 * would hang a join: the timeout fails the test).
 */
class CrtHalvesTest {
    @Test
    void everyHalfIsJoinedWithItsOwnValueWhateverTheTimings() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Trials.run(300, random -> {
            long work = random.nextInt(4) == 0 ? TimeUnit.MICROSECONDS.toNanos(random.nextInt(3_000)) : 0;
            long pause = random.nextInt(3) == 0 ? CrtHalves.WORKER_SPIN_NANOS + random.nextInt(500_000) : 0;
            LockSupport.parkNanos(pause); // past the worker's spin: it parks before this fork
            int value = random.nextInt();
            CrtHalves.Half<Integer> half = CrtHalves.fork(() -> {
                LockSupport.parkNanos(work); // longer than the joiner's spin now and then: it parks too
                return value;
            });
            if (random.nextBoolean()) {
                LockSupport.parkNanos(random.nextInt(100_000));
            }
            assertThat(half.join()).isEqualTo(value);
        }));
    }

    @Test
    void aHalfThatFailsThrowsInTheJoinerAndTheWorkerServesTheNext() {
        for (int i = 0; i < 20; i++) {
            CrtHalves.Half<Integer> failing = CrtHalves.fork(() -> {
                throw new IllegalStateException("fault 1");
            });
            assertThatThrownBy(failing::join).isInstanceOf(IllegalStateException.class).hasMessage("fault 1");
            CrtHalves.Half<Integer> error = CrtHalves.fork(() -> {
                throw new AssertionError("error");
            });
            assertThatThrownBy(error::join).isInstanceOf(AssertionError.class);
            assertThat(CrtHalves.fork(() -> 42).join()).isEqualTo(42);
        }
    }
}
