package io.hsmconsole.hsm.key;

import java.util.List;

/** One row of the key list: what a user sees of a key without asking for its attributes one by one. */
public record KeySummary(long handle, String label, String id, int keyType, int sizeBytes, int ownerId,
                         List<Integer> sharedWith, boolean token, boolean extractable, int mValue, String kcv,
                         List<Integer> nodesHolding, int clusterSize, int keyClass) {

    public KeySummary {
        sharedWith = List.copyOf(sharedWith);
        nodesHolding = List.copyOf(nodesHolding);
    }
}
