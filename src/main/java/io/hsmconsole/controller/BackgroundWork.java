package io.hsmconsole.controller;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A named piece of work for a {@link TaskRunner}, with what to do on the UI thread when it
 * reports progress, succeeds or fails. Failures here are bugs or I/O faults (a refusal by the HSM
 * is a normal result value).
 */
public final class BackgroundWork<T> {
    /** The work itself; it may report progress and should stop when asked to. */
    @FunctionalInterface
    public interface Work<T> {
        T call(ProgressSink progress) throws Exception;
    }

    private final String name;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<Throwable> onFailure;
    private Consumer<Progress> onProgress = p -> { };

    private BackgroundWork(String name, Work<T> work, Consumer<Throwable> onFailure) {
        this.name = Objects.requireNonNull(name);
        this.work = Objects.requireNonNull(work);
        this.onFailure = onFailure;
    }

    /** Failures go to {@code onFailure} unless replaced with {@link #onFailure(Consumer)}. */
    public static <T> BackgroundWork<T> named(String name, Work<T> work, Consumer<Throwable> onFailure) {
        return new BackgroundWork<>(name, work, onFailure);
    }

    public BackgroundWork<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundWork<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundWork<T> onProgress(Consumer<Progress> action) {
        this.onProgress = Objects.requireNonNull(action);
        return this;
    }

    public String name() {
        return name;
    }

    public T call(ProgressSink progress) throws Exception {
        return work.call(progress);
    }

    public void succeeded(T value) {
        onSuccess.accept(value);
    }

    /** Reports the failure, unless the work was overtaken by a logout ({@link SessionEnded}): nothing to report. */
    public void failed(Throwable error) {
        if (error instanceof SessionEnded) {
            return;
        }
        onFailure.accept(error);
    }

    public void progressed(Progress progress) {
        onProgress.accept(progress);
    }
}
