package io.hsmconsole.hsm;

import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.NodeRecord;

import java.util.List;

/**
 * The node list for paths that run thousands of times a second (session keys, lookups). Every
 * autocommit read of the store starts a read transaction on WAL's shared-memory index (~20 µs),
 * which would dominate a session key; a node change made by another process shows up here within
 * {@link #MAX_AGE_NANOS}, one made by this process at once. Writes always read the nodes inside
 * their own transaction.
 */
final class NodeCache {
    static final long MAX_AGE_NANOS = 50_000_000L;

    private final ClusterStore store;
    private volatile List<NodeRecord> nodes;
    private volatile long readAtNanos;

    NodeCache(ClusterStore store) {
        this.store = store;
    }

    List<NodeRecord> get() {
        List<NodeRecord> current = nodes;
        if (current == null || System.nanoTime() - readAtNanos > MAX_AGE_NANOS) {
            current = store.nodes();
            nodes = current;
            readAtNanos = System.nanoTime();
        }
        return current;
    }

    /** Nodes read by the caller just now (inside a committed transaction). */
    void put(List<NodeRecord> fresh) {
        readAtNanos = System.nanoTime();
        nodes = fresh;
    }

    void invalidate() {
        nodes = null;
    }
}
