package io.hsmconsole.store;

/**
 * The cluster-wide counters: the next handle counter (keys get their handles, and their creation
 * order, from it) and the next round-robin value (which node serves next).
 */
public record ClusterCounters(long handleCounter, long roundRobin) {
}
