package io.hsmconsole.controller;

/**
 * A genSymKey waiting for {@code -min_srv}: how many nodes hold the new key so far, how many must,
 * and for how long it has waited.
 */
public record SyncProgress(long handle, int nodesHolding, int nodesRequired, long elapsedMillis) {

    public double fraction() {
        return nodesRequired == 0 ? 1 : Math.min(1.0, (double) nodesHolding / nodesRequired);
    }
}
