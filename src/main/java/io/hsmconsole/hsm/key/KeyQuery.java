package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * The criteria of {@code findKey}, all optional and ANDed. {@code session}: null both, true only
 * this session's session keys, false only token keys. {@code users}: keys every listed user can
 * use too.
 */
public record KeyQuery(Integer keyClass, Integer keyType, String label, String id, Boolean session,
                       List<Integer> users, byte[] kcv) {

    public KeyQuery {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public static KeyQuery all() {
        return new KeyQuery(null, null, null, null, null, List.of(), null);
    }

    public static KeyQuery byLabel(String label) {
        return new KeyQuery(null, null, label, null, null, List.of(), null);
    }
}
