package io.hsmconsole.store;

import java.util.List;

/**
 * Criteria for finding token keys, all optional and ANDed. {@code visibleTo} restricts the result
 * to keys owned by or shared with that user; {@code alsoUsableBy} to keys that every listed user
 * can use as well.
 */
public record KeyFilter(Integer visibleTo, Integer keyClass, Integer keyType, String label,
                        String id, byte[] kcv, List<Integer> alsoUsableBy) {

    public KeyFilter {
        alsoUsableBy = alsoUsableBy == null ? List.of() : List.copyOf(alsoUsableBy);
    }

    public static KeyFilter withId(String id) {
        return new KeyFilter(null, null, null, null, id, null, List.of());
    }

    public static KeyFilter visibleTo(int userId) {
        return new KeyFilter(userId, null, null, null, null, null, List.of());
    }
}
