package io.hsmconsole.store;

/**
 * One HSM node as stored. {@code online} is the administrative state; whether the node is still
 * catching up is derived from the key copies, not stored.
 */
public record NodeRecord(int id, boolean online, long latencyMillis, String firmwareVersion,
                         byte[] firmwareMeasurement) {

    public NodeRecord withOnline(boolean value) {
        return new NodeRecord(id, value, latencyMillis, firmwareVersion, firmwareMeasurement);
    }

    public NodeRecord withLatency(long value) {
        return new NodeRecord(id, online, value, firmwareVersion, firmwareMeasurement);
    }
}
