package io.hsmconsole.text;

/**
 * The simulated HSMs have no network, but CMU names every server by address. Node {@code n}
 * answers as {@code 10.0.0.(n+1)} on port 2225: stable, documented, and never contacted.
 */
public final class NodeAddresses {
    public static final int PORT = 2225;

    private NodeAddresses() {
    }

    public static String ip(int nodeId) {
        return "10.0." + ((nodeId + 1) / 256) + "." + ((nodeId + 1) % 256);
    }

    /** {@code 0(10.0.0.1)}, as CMU writes a server. */
    public static String server(int nodeId) {
        return nodeId + "(" + ip(nodeId) + ")";
    }
}
