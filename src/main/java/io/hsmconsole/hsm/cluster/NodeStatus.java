package io.hsmconsole.hsm.cluster;

/**
 * One node as every process sees it now: state, the token keys it holds, the copies it is still
 * waiting for, its replication latency and firmware.
 */
public record NodeStatus(int id, NodeState state, long keysHeld, long keysPending, long latencyMillis,
                         String firmwareVersion, String firmwareMeasurementHex) {

    public boolean isOnline() {
        return state != NodeState.OFFLINE;
    }

    /**
     * Whether the node runs the known-good firmware of its version. Not the same as state TAMPERED: an
     * offline node shows OFFLINE whatever its firmware.
     */
    public boolean firmwareKnownGood() {
        return Firmware.isKnownGood(firmwareVersion, java.util.HexFormat.of().parseHex(firmwareMeasurementHex));
    }
}
