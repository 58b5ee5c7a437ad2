package io.hsmconsole.controller;

import io.hsmconsole.hsm.AvailabilityQuorum;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.key.KeyKind;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key list's rows, each kept for the summary it was made from: the session hands out the summary
 * of an unchanged key as the same object from refresh to refresh, so only the changed keys get new rows
 * — and the list's view model, seeing the same row objects, touches only those. Every row is made again
 * when the names of the users, the cluster's nodes, which of them are online, or the viewer changed.
 */
final class KeyRows {
    private record Context(Map<Integer, UserRef> users, List<Integer> nodes, Set<Integer> online, int me) {
    }

    private Context context;
    private Map<KeySummary, KeyRow> made = new IdentityHashMap<>();

    synchronized List<KeyRow> of(List<KeySummary> keys, Map<Integer, UserRef> users, List<Integer> nodes,
                                 Set<Integer> online, int me) {
        Context now = new Context(users, nodes, online, me);
        Map<KeySummary, KeyRow> before = now.equals(context) ? made : Map.of();
        Map<KeySummary, KeyRow> kept = new IdentityHashMap<>(keys.size());
        List<KeyRow> rows = new ArrayList<>(keys.size());
        for (KeySummary k : keys) {
            KeyRow row = before.get(k);
            if (row == null) {
                row = row(k, users, nodes, online, me);
            }
            kept.put(k, row);
            rows.add(row);
        }
        context = now;
        made = kept;
        return rows;
    }

    private static KeyRow row(KeySummary k, Map<Integer, UserRef> users, List<Integer> nodes, Set<Integer> online,
                              int me) {
        List<UserRef> shared = k.sharedWith().stream().map(id -> ref(users, id)).toList();
        String type = KeyKind.typeName(k.keyClass(), k.keyType());
        return new KeyRow(k.handle(), k.label(), KeyNaming.shownId(k.id()), k.keyType(), type, k.sizeBytes(), ref(users, k.ownerId()),
                shared, k.token(), k.extractable(), k.mValue(), k.kcv(), k.nodesHolding(), nodes,
                k.ownerId() == me, k.sharedWith().contains(me), k.keyClass(),
                !AvailabilityQuorum.met(k.token(), k.nodesHolding(), online));
    }

    static UserRef ref(Map<Integer, UserRef> users, int id) {
        return users.getOrDefault(id, new UserRef(id, "user " + id));
    }
}
