package io.hsmconsole.controller;

/**
 * A running piece of work. Cancelling asks politely: the work sees {@link ProgressSink#isCancelled()}
 * and ends itself, so that what the simulator did (for example a key rolled back) is still reported.
 */
public interface TaskHandle {
    TaskHandle DONE = () -> { };

    void cancel();
}
