package io.hsmconsole.ui.common;

import io.hsmconsole.controller.BackgroundWork;
import io.hsmconsole.controller.Progress;
import io.hsmconsole.controller.ProgressSink;
import io.hsmconsole.controller.TaskHandle;
import io.hsmconsole.controller.TaskRunner;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work as {@link Task}s on named daemon threads, so a stuck simulator call never keeps the
 * application alive and thread dumps say what each thread is for. Progress, success and failure
 * are delivered on the JavaFX application thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("hsm-console-task"));

    @Override
    public <T> TaskHandle run(BackgroundWork<T> work) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(new ProgressSink() {
                    @Override
                    public void report(Progress progress) {
                        updateMessage(progress.message());
                        updateProgress(progress.fraction(), 1);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled.get();
                    }
                });
            }
        };
        // Task coalesces message/progress updates and delivers them on the FX thread.
        task.messageProperty().addListener((obs, old, message) ->
                work.progressed(new Progress(message, task.getProgress())));
        task.setOnSucceeded(e -> work.succeeded(task.getValue()));
        task.setOnFailed(e -> work.failed(task.getException()));
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            // The console is closing (close() ran): work asked for now - a reload after a cancelled
            // genSymKey, say - has no window left to report to, so it is dropped without an error.
            return TaskHandle.DONE;
        }
        return () -> cancelled.set(true);
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public TaskHandle repeat(String name, Duration period, Runnable check) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads(name));
        timer.scheduleWithFixedDelay(() -> {
            try {
                check.run();
            } catch (RuntimeException e) {
                // A failed check must not end the schedule; the next one may succeed (e.g. a busy store).
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
