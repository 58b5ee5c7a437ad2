package io.hsmconsole.shell.fuzz;

import io.hsmconsole.hsm.HsmClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A manual clock for fuzzing that plays a user who gives up: {@code genSymKey -min_srv 3} without
 * {@code -timeout} on a cluster with a node offline waits forever by design (product spec §2.4), so
 * once one input has waited {@link #PATIENCE_MILLIS} of simulated time, the next wait is
 * interrupted and the simulator rolls the key back as it does for a cancelled wait.
 */
public final class FuzzClock implements HsmClock {
    static final long PATIENCE_MILLIS = 3_600_000;
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private long waitedThisInput;

    @Override
    public long nowMillis() {
        return now.get();
    }

    @Override
    public void sleepMillis(long millis) throws InterruptedException {
        if (waitedThisInput > PATIENCE_MILLIS) {
            throw new InterruptedException("the fuzzing user stopped waiting");
        }
        if (millis > 0) {
            now.addAndGet(millis);
            waitedThisInput += millis;
        }
    }

    /**
     * Starts the next input: patience is back, and the interrupt status a given-up wait left on
     * this thread is cleared (the simulator restores it, as a good citizen should).
     */
    public void nextInput() {
        waitedThisInput = 0;
        Thread.interrupted();
    }
}
