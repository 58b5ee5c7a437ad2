package io.hsmconsole.hsm.key;

/**
 * Key handles as CloudHSM appears to hand them out: a cluster-wide counter starting at 6 with the
 * generating node's index in bits 18-22 (node 0: 6, 7, …; node 1: 262144 + n; node 2: 524288 + n).
 * Counter values past 2^18 continue above the node bits so handles stay unique.
 */
public final class Handles {
    private static final int COUNTER_BITS = 18;
    private static final int NODE_BITS = 5;
    private static final long COUNTER_MASK = (1L << COUNTER_BITS) - 1;

    private Handles() {
    }

    public static long of(int node, long counter) {
        long high = counter >>> COUNTER_BITS;
        return (high << (COUNTER_BITS + NODE_BITS)) | ((long) node << COUNTER_BITS) | (counter & COUNTER_MASK);
    }

    /** The cluster-wide counter a handle was made from: the order in which the keys were created. */
    public static long counterOf(long handle) {
        return ((handle >>> (COUNTER_BITS + NODE_BITS)) << COUNTER_BITS) | (handle & COUNTER_MASK);
    }

    public static int nodeOf(long handle) {
        return (int) ((handle >>> COUNTER_BITS) & ((1L << NODE_BITS) - 1));
    }
}
