package io.hsmconsole.hsm.key;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OBJ_ATTR_* constants of the key attribute reference, with how each value is shaped and what
 * it means. Boolean attributes own a bit in the stored flag set.
 */
public enum Attribute {
    CLASS(0, Kind.BYTE, "Object class: 2 public key, 3 private key, 4 secret (symmetric) key"),
    TOKEN(1, Kind.BOOLEAN, "1 = persistent token key kept by the cluster, 0 = session key gone when the session ends"),
    PRIVATE(2, Kind.BOOLEAN, "Only authenticated users may see the key; always 1 on CloudHSM"),
    LABEL(3, Kind.TEXT, "User-defined label; need not be unique"),
    TRUSTED(134, Kind.BOOLEAN, "Trusted to wrap keys marked WRAP_WITH_TRUSTED; only a crypto officer sets it"),
    KEY_TYPE(256, Kind.BYTE, "Key type: 0 RSA, 3 EC, 16 generic secret, 18 RC4, 21 3DES, 31 AES"),
    ID(258, Kind.TEXT, "User-defined identifier, unique in the cluster when set"),
    SENSITIVE(259, Kind.BOOLEAN, "The key value never leaves the HSM in plaintext"),
    ENCRYPT(260, Kind.BOOLEAN, "May encrypt data"),
    DECRYPT(261, Kind.BOOLEAN, "May decrypt data"),
    WRAP(262, Kind.BOOLEAN, "May wrap (encrypt) other keys for export"),
    UNWRAP(263, Kind.BOOLEAN, "May unwrap (decrypt) keys being imported"),
    SIGN(264, Kind.BOOLEAN, "May sign / compute a MAC (HMAC needs this set)"),
    VERIFY(266, Kind.BOOLEAN, "May verify signatures / MACs (HMAC needs this set)"),
    DERIVE(268, Kind.BOOLEAN, "May derive other keys"),
    MODULUS(288, Kind.TEXT, "RSA modulus, or an EC key's public point (key pairs only)"),
    MODULUS_BITS(289, Kind.INT32, "RSA modulus length in bits, or an EC curve's size (key pairs only)"),
    PUBLIC_EXPONENT(290, Kind.TEXT, "RSA public exponent (RSA key pairs only)"),
    VALUE_LEN(353, Kind.INT32, "Key length in bytes"),
    EXTRACTABLE(354, Kind.BOOLEAN, "The owner may export the key (wrapped); fixed at creation"),
    LOCAL(355, Kind.BOOLEAN, "1 = generated inside the HSM, 0 = imported or unwrapped"),
    NEVER_EXTRACTABLE(356, Kind.BOOLEAN, "The key has never been extractable"),
    ALWAYS_SENSITIVE(357, Kind.BOOLEAN, "The key has always been sensitive"),
    DESTROYABLE(370, Kind.BOOLEAN, "The owner may delete the key"),
    KCV(371, Kind.KCV, "Key check value: first 3 bytes of the key's encryption of a zero block"),
    WRAP_WITH_TRUSTED(528, Kind.BOOLEAN, "May only be wrapped by TRUSTED keys; once set it cannot be cleared"),
    WRAP_TEMPLATE(1073742353, Kind.TEXT, "Attribute template applied to keys this key wraps"),
    UNWRAP_TEMPLATE(1073742354, Kind.TEXT, "Attribute template applied to keys this key unwraps");

    /** {@code -a 512}: all attributes (getAttribute only; not an attribute itself). */
    public static final int ALL = 512;

    /** The order KMU writes a symmetric key's attributes with {@code getAttribute -a 512}. */
    public static final List<Attribute> KMU_DUMP_ORDER = List.of(CLASS, KEY_TYPE, TOKEN, PRIVATE, ENCRYPT, DECRYPT,
            WRAP, UNWRAP, SIGN, VERIFY, LOCAL, SENSITIVE, EXTRACTABLE, LABEL, ID, VALUE_LEN, KCV);

    /** What a key pair's dump adds after the classic set (genRSAKeyPair.md; EC has no exponent). */
    public static final List<Attribute> PAIR_DUMP_ORDER = List.of(MODULUS, MODULUS_BITS, PUBLIC_EXPONENT);

    /** The attributes newer firmware appends; shown by the console's inspector after the classic ones. */
    public static final List<Attribute> EXTENDED = List.of(TRUSTED, WRAP_WITH_TRUSTED, DESTROYABLE, DERIVE,
            ALWAYS_SENSITIVE, NEVER_EXTRACTABLE);

    /** How a value is shaped. */
    public enum Kind { BOOLEAN, BYTE, INT32, TEXT, KCV }

    private final int id;
    private final Kind kind;
    private final String meaning;

    Attribute(int id, Kind kind, String meaning) {
        this.id = id;
        this.kind = kind;
        this.meaning = meaning;
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String meaning() {
        return meaning;
    }

    /** The KMU constant name, e.g. {@code OBJ_ATTR_KEY_TYPE}. */
    public String kmuName() {
        return "OBJ_ATTR_" + name();
    }

    public boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    /** The bit of a boolean attribute in the stored flag set. */
    public long flagBit() {
        if (!isBoolean()) {
            throw new IllegalStateException(name() + " is not a boolean attribute");
        }
        return 1L << ordinal();
    }

    public static Optional<Attribute> fromId(long id) {
        return Arrays.stream(values()).filter(a -> a.id == id).findFirst();
    }
}
