package io.hsmconsole.hsm;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to (or when the simulator "sleeps"): for tests and transcripts. */
public final class ManualClock implements HsmClock {
    private final AtomicLong now;

    public ManualClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    @Override
    public long nowMillis() {
        return now.get();
    }

    @Override
    public void sleepMillis(long millis) {
        advance(millis);
    }

    public void advance(long millis) {
        if (millis > 0) {
            now.addAndGet(millis);
        }
    }
}
