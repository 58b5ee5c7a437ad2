package io.hsmconsole.controller;

import java.util.List;

/**
 * A genSymKey waiting for {@code -min_srv}: how many nodes hold the new key so far, how many must,
 * for how long it has waited, and which nodes do not hold it yet (the simulator's answer).
 */
public record SyncProgress(long handle, int nodesHolding, int nodesRequired, long elapsedMillis,
                           List<Integer> nodesWithout) {

    public SyncProgress {
        nodesWithout = List.copyOf(nodesWithout);
    }

    public double fraction() {
        return nodesRequired == 0 ? 1 : Math.min(1.0, (double) nodesHolding / nodesRequired);
    }
}
