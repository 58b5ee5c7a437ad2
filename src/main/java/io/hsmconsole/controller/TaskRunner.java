package io.hsmconsole.controller;

import java.time.Duration;

/**
 * The one seam between work and threads. Simulator calls run through it so that the GUI never
 * blocks its UI thread, while tests run the very same code on their own thread
 * ({@link SameThreadTaskRunner}). Callbacks of a {@link BackgroundWork} always arrive on the UI thread.
 */
public interface TaskRunner {

    /** Runs the work off the UI thread and reports back on it. */
    <T> TaskHandle run(BackgroundWork<T> work);

    /** Runs an action on the UI thread (later, or now when already there). */
    void onUiThread(Runnable action);

    /**
     * Runs {@code check} again and again, {@code period} apart, on a background thread of its own
     * until the handle is cancelled: the way the console notices changes made by other processes.
     */
    TaskHandle repeat(String name, Duration period, Runnable check);
}
