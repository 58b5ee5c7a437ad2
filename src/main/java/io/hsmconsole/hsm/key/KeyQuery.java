package io.hsmconsole.hsm.key;

import java.util.List;

/**
 * The criteria of {@code findKey}, all optional and ANDed. {@code session}: null both, true only
 * this session's session keys, false only token keys. {@code users}: keys every listed user can
 * use too. {@code modulus}: RSA keys (either half) with this modulus ({@code findKey -m}).
 */
public record KeyQuery(Integer keyClass, Integer keyType, String label, String id, Boolean session,
                       List<Integer> users, byte[] kcv, byte[] modulus) {

    public KeyQuery {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public KeyQuery(Integer keyClass, Integer keyType, String label, String id, Boolean session,
                    List<Integer> users, byte[] kcv) {
        this(keyClass, keyType, label, id, session, users, kcv, null);
    }

    public KeyQuery withModulus(byte[] value) {
        return new KeyQuery(keyClass, keyType, label, id, session, users, kcv, value);
    }

    public static KeyQuery all() {
        return new KeyQuery(null, null, null, null, null, List.of(), null);
    }

    public static KeyQuery byLabel(String label) {
        return new KeyQuery(null, null, label, null, null, List.of(), null);
    }
}
