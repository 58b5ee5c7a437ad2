package io.hsmconsole.controller;

import java.util.List;

/**
 * One key of the key list, with the names the console shows instead of bare user IDs, and whether
 * the viewer owns it or has it shared (neither: another user's public key, which everyone sees). {@code clusterNodes} lists every node of the cluster in id
 * order, so a coverage display can show which of them hold the key. {@code belowAvailabilityQuorum}: a
 * token key fewer than two online HSMs hold, which Client SDK 5 applications cannot use now (the
 * simulator's rule, {@code AvailabilityQuorum}).
 */
public record KeyRow(long handle, String label, String id, int keyTypeCode, String typeName, int sizeBytes,
                     UserRef owner, List<UserRef> sharedWith, boolean token, boolean extractable, int mValue,
                     String kcv, List<Integer> nodesHolding, List<Integer> clusterNodes, boolean ownedByMe,
                     boolean sharedWithMe, int keyClass, boolean belowAvailabilityQuorum) {

    public KeyRow {
        sharedWith = List.copyOf(sharedWith);
        nodesHolding = List.copyOf(nodesHolding);
        clusterNodes = List.copyOf(clusterNodes);
    }

    /** Whether it is a public key (class 2): every crypto user may use it, shared or not. */
    public boolean isPublicKey() {
        return keyClass == io.hsmconsole.model.KeyClass.PUBLIC_KEY.code();
    }

    /** Another user's key this user sees only because it is public (findKey lists every public key). */
    public boolean seenAsPublic() {
        return !ownedByMe && !sharedWithMe;
    }

    /** {@code 2/3}: how many of the cluster's nodes hold the key. */
    public String coverage() {
        return nodesHolding.size() + "/" + clusterNodes.size();
    }
}
