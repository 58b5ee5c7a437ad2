package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.KeyWithCopies;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key list's rows of one session, each kept for the listed row it was made from: the store hands
 * out an unchanged key (and unchanged copies) as the same object from listing to listing
 * ({@code ClusterStore.listKeysWithCopies}), and a session key is the same record until it changes, so a
 * refresh after a change makes the summaries of the changed keys only — and of the keys whose coverage
 * moved with time alone (a copy that becomes available after the summary was made).
 */
final class KeySummaries {
    private record Made(KeySummary summary, long validUntil, int clusterSize) {
    }

    private Map<Object, Made> made = new IdentityHashMap<>();

    /** The token keys' rows, then the session keys' (each held by the session's node), at {@code now}. */
    synchronized List<KeySummary> of(List<KeyWithCopies> tokenKeys, List<KeyRecord> sessionKeys, int homeNode,
                                     int clusterSize, long now) {
        Map<Object, Made> kept = new IdentityHashMap<>(tokenKeys.size() + sessionKeys.size());
        List<KeySummary> rows = new ArrayList<>(tokenKeys.size() + sessionKeys.size());
        for (KeyWithCopies k : tokenKeys) {
            Made m = made.get(k);
            if (m == null || m.clusterSize() != clusterSize || now >= m.validUntil()) {
                m = token(k, clusterSize, now);
            }
            kept.put(k, m);
            rows.add(m.summary());
        }
        for (KeyRecord k : sessionKeys) {
            Made m = made.get(k);
            if (m == null || m.clusterSize() != clusterSize) {
                m = new Made(summary(k, List.of(homeNode), clusterSize), Long.MAX_VALUE, clusterSize);
            }
            kept.put(k, m);
            rows.add(m.summary());
        }
        made = kept;
        return rows;
    }

    /** Held by the nodes whose copy is there at {@code now}; good until the next pending copy arrives. */
    private static Made token(KeyWithCopies k, int clusterSize, long now) {
        List<Integer> holding = new ArrayList<>(k.copies().size());
        long validUntil = Long.MAX_VALUE;
        for (KeyCopy c : k.copies()) {
            if (c.heldAt(now)) {
                holding.add(c.nodeId());
            } else if (c.availableAtMillis() != null) {
                validUntil = Math.min(validUntil, c.availableAtMillis());
            }
        }
        return new Made(summary(k.key(), holding, clusterSize), validUntil, clusterSize);
    }

    private static KeySummary summary(KeyRecord k, List<Integer> holding, int clusterSize) {
        return new KeySummary(k.handle(), k.label(), k.id(), k.keyType().code(), k.sizeBytes(), k.ownerId(), k.sharedWith(),
                HsmSession.isToken(k), KeyFlags.has(k.flags(), Attribute.EXTRACTABLE), k.mValue(),
                k.kcv() == null ? "" : Kcv.format(k.kcv()), holding, clusterSize, k.keyClass().code());
    }
}
