package io.hsmconsole.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A listed token key (no material) with its copies, as the console's key list shows it: one row per
 * key, so a change to the key or to its copies alone replaces exactly that row ({@link ListingCache}).
 */
public record KeyWithCopies(KeyRecord key, List<KeyCopy> copies) {

    public KeyWithCopies {
        copies = List.copyOf(copies);
    }

    /** Each key of {@code keys} with its copies among {@code copies} (keys and order kept). */
    public static Listing<KeyWithCopies> join(Listing<KeyRecord> keys, List<KeyCopy> copies) {
        Map<Long, List<KeyCopy>> byKey = new HashMap<>(copies.size() / 2);
        for (KeyCopy c : copies) {
            byKey.computeIfAbsent(c.handle(), h -> new ArrayList<>(3)).add(c);
        }
        return keys.map(k -> new KeyWithCopies(k, byKey.getOrDefault(k.handle(), List.of())));
    }
}
