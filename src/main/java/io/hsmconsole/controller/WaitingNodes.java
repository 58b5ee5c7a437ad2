package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReadPurpose;
import io.hsmconsole.hsm.key.KeyInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Which nodes a key that genSymKey waits for is still missing from. The simulator reports the count
 * on every poll; the nodes are asked for (getKeyInfo, a display read: not audited) only when the
 * count changes, so a long wait does not re-read the key ten times a second.
 */
final class WaitingNodes {
    private final HsmSession session;
    private final List<Integer> clusterNodes;
    private int lastHeld = -1;
    private List<Integer> without = List.of();

    WaitingNodes(HsmSession session, List<Integer> clusterNodes) {
        this.session = session;
        this.clusterNodes = List.copyOf(clusterNodes);
    }

    SyncProgress progress(long handle, int held, int required, long elapsedMillis) {
        if (held != lastHeld) {
            lastHeld = held;
            HsmResult<KeyInfo> info = session.keyInfo(handle, ReadPurpose.DISPLAY_REFRESH);
            if (info.isSuccess()) {
                List<Integer> missing = new ArrayList<>(clusterNodes);
                missing.removeAll(info.value().nodesHolding());
                without = missing;
            }
        }
        return new SyncProgress(handle, held, required, elapsedMillis, without);
    }
}
