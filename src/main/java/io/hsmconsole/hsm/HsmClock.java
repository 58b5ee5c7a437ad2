package io.hsmconsole.hsm;

/**
 * The simulator's time. Replication delays, {@code -timeout} and lockout use it, so tests pass a
 * {@link ManualClock} and never sleep.
 */
public interface HsmClock {
    long nowMillis();

    /** Waits; a manual clock just moves forward. */
    void sleepMillis(long millis) throws InterruptedException;

    HsmClock SYSTEM = new HsmClock() {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleepMillis(long millis) throws InterruptedException {
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }
    };
}
