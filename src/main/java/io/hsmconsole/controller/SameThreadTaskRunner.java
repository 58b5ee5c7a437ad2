package io.hsmconsole.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs everything at once on the caller's thread: the task runner of view-model and controller
 * tests. Repeated checks do not run by themselves; a test calls {@link #runRepeatedChecks()}.
 */
public final class SameThreadTaskRunner implements TaskRunner {
    private final List<Runnable> repeated = new ArrayList<>();

    @Override
    public <T> TaskHandle run(BackgroundWork<T> work) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void report(Progress progress) {
                work.progressed(progress);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        T value;
        try {
            value = work.call(sink);
        } catch (Exception e) {
            work.failed(e);
            return TaskHandle.DONE;
        }
        work.succeeded(value);
        return () -> cancelled.set(true);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public TaskHandle repeat(String name, Duration period, Runnable check) {
        repeated.add(check);
        return () -> repeated.remove(check);
    }

    /** Runs every registered repeated check once. */
    public void runRepeatedChecks() {
        List.copyOf(repeated).forEach(Runnable::run);
    }
}
