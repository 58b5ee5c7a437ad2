package io.hsmconsole.controller;

import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.text.KeySyncProgress;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A key form's wait for {@code -min_srv}: prints what key_mgmt_util prints while it waits (for the
 * console pane), tells the form on the UI thread how many HSMs hold the key and which lack it, and
 * reports the form's cancel to the simulator (which then rolls the key back).
 */
final class FormSyncObserver implements SyncObserver {
    private final KeySyncProgress printed;
    private final WaitingNodes missing;
    private final TaskRunner runner;
    private final Consumer<SyncProgress> progress;
    private final BooleanSupplier cancelled;

    FormSyncObserver(KeySyncProgress printed, WaitingNodes missing, TaskRunner runner, Consumer<SyncProgress> progress,
                     BooleanSupplier cancelled) {
        this.printed = printed;
        this.missing = missing;
        this.runner = runner;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    @Override
    public void waiting(long handle, int held, int required, long elapsedMillis) {
        printed.waiting(handle, held, required, elapsedMillis);
        SyncProgress now = missing.progress(handle, held, required, elapsedMillis);
        runner.onUiThread(() -> progress.accept(now));
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
