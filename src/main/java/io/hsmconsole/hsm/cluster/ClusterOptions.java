package io.hsmconsole.hsm.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * How to build a new cluster: HSM type, one replication latency per node (so the list's size is
 * the node count, 1-28), and an optional key capacity override for labs and benchmarks (null
 * keeps AWS's quota for the type).
 */
public record ClusterOptions(HsmType hsmType, List<Long> nodeLatenciesMillis, Integer keyCapacity) {
    public static final int MAX_NODES = 28;
    public static final int DEFAULT_NODES = 3;

    public ClusterOptions {
        nodeLatenciesMillis = List.copyOf(nodeLatenciesMillis);
        if (nodeLatenciesMillis.isEmpty() || nodeLatenciesMillis.size() > MAX_NODES) {
            throw new IllegalArgumentException("a cluster has 1 to " + MAX_NODES + " HSMs, not "
                    + nodeLatenciesMillis.size());
        }
        if (keyCapacity != null && keyCapacity < 1) {
            throw new IllegalArgumentException("key capacity must be positive");
        }
    }

    /** The demo cluster: 3 nodes, non-FIPS, latencies 50/150/250 ms so replication can be watched. */
    public static ClusterOptions demo() {
        return new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(50L, 150L, 250L), null);
    }

    public static ClusterOptions of(HsmType type, int nodes, long latencyMillis) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            latencies.add(latencyMillis);
        }
        return new ClusterOptions(type, latencies, null);
    }

    public ClusterOptions withKeyCapacity(Integer capacity) {
        return new ClusterOptions(hsmType, nodeLatenciesMillis, capacity);
    }

    public int effectiveCapacity() {
        return keyCapacity != null ? keyCapacity : hsmType.keyCapacity();
    }
}
