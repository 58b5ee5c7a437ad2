package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * Who owns and shares a key, its quorum, and where it lives: {@code nodesHolding} lists the nodes
 * that hold a copy now, out of {@code clusterSize}.
 */
public record KeyInfo(long handle, int ownerId, List<Integer> sharedWith, int mValue, boolean token,
                      List<Integer> nodesHolding, int clusterSize, int manageMValue) {

    public KeyInfo {
        sharedWith = List.copyOf(sharedWith);
        nodesHolding = List.copyOf(nodesHolding);
    }

    /** A key whose one m_value guards both use and management (as KMU makes them). */
    public KeyInfo(long handle, int ownerId, List<Integer> sharedWith, int mValue, boolean token,
                   List<Integer> nodesHolding, int clusterSize) {
        this(handle, ownerId, sharedWith, mValue, token, nodesHolding, clusterSize, mValue);
    }
}
