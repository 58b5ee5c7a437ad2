package io.hsmconsole.hsm;

/**
 * Watches a command that waits for a key to reach {@code -min_srv} nodes: told how many nodes hold
 * it as time passes, and asked whether the user gave up (the GUI's Cancel).
 */
public interface SyncObserver {
    SyncObserver NONE = new SyncObserver() {
    };

    default void waiting(long handle, int nodesHolding, int nodesRequired, long elapsedMillis) {
    }

    default boolean cancelled() {
        return false;
    }
}
