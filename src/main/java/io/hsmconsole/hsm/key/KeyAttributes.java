package io.hsmconsole.hsm.key;

import io.hsmconsole.store.KeyRecord;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Every attribute of one key, built from its record; the order is KMU's. */
public final class KeyAttributes {
    private final long handle;
    private final List<AttributeValue> values;
    private final byte[] publicKeyInfo;

    private KeyAttributes(long handle, List<AttributeValue> values, byte[] publicKeyInfo) {
        this.handle = handle;
        this.values = List.copyOf(values);
        this.publicKeyInfo = publicKeyInfo;
    }

    public static KeyAttributes of(KeyRecord key) {
        List<AttributeValue> values = new ArrayList<>();
        Optional<AsymmetricMaterial> pair = AsymmetricMaterial.of(key.keyClass().code(), key.material());
        for (Attribute a : Attribute.KMU_DUMP_ORDER) {
            value(key, pair, a).ifPresent(values::add);
        }
        for (Attribute a : Attribute.PAIR_DUMP_ORDER) {
            pair.flatMap(m -> pairValue(m, a)).ifPresent(values::add);
        }
        for (Attribute a : Attribute.EXTENDED) {
            value(key, pair, a).ifPresent(values::add);
        }
        return new KeyAttributes(key.handle(), values, pair.map(AsymmetricMaterial::publicKeyInfo).orElse(null));
    }

    private static Optional<AttributeValue> value(KeyRecord key, Optional<AsymmetricMaterial> pair, Attribute a) {
        return switch (a) {
            case CLASS -> Optional.of(AttributeValue.ofNumber(a, key.keyClass().code()));
            case KEY_TYPE -> Optional.of(AttributeValue.ofNumber(a, key.keyType().code()));
            case LABEL -> Optional.of(AttributeValue.ofText(a, key.label()));
            case ID -> Optional.of(AttributeValue.ofText(a, key.id()));
            // A pair's length follows from its material (the rule in AsymmetricMaterial): an EC key stored
            // before the rule took the pages' figures carries another number in its record.
            case VALUE_LEN -> Optional.of(AttributeValue.ofNumber(a, pair.map(AsymmetricMaterial::valueLength).orElse(key.sizeBytes())));
            case KCV -> key.kcv() == null ? Optional.empty()
                    : Optional.of(AttributeValue.ofNumber(a, Long.parseLong(HexFormat.of().formatHex(key.kcv()), 16)));
            default -> a.isBoolean()
                    ? Optional.of(AttributeValue.ofNumber(a, KeyFlags.has(key.flags(), a) ? 1 : 0))
                    : Optional.empty();
        };
    }

    private static Optional<AttributeValue> pairValue(AsymmetricMaterial m, Attribute a) {
        if (m.type() == AsymmetricKeyType.DSA) {
            return Optional.empty(); // key-attribute-table.md: MODULUS, MODULUS_BITS, PUBLIC_EXPONENT "do not exist" for other key types
        }
        return switch (a) {
            // genRSAKeyPair.md wraps the modulus at 80 characters; genECCKeyPair.md prints the point on one line
            case MODULUS -> Optional.of(AttributeValue.ofText(a, m.type() == AsymmetricKeyType.RSA
                    ? AsymmetricMaterial.wrappedHex(m.modulus()) : java.util.HexFormat.of().formatHex(m.modulus())));
            case MODULUS_BITS -> Optional.of(AttributeValue.ofNumber(a, m.bits()));
            case PUBLIC_EXPONENT -> m.publicExponent().map(e -> AttributeValue.ofText(a, exponentHex(e)));
            default -> Optional.empty();
        };
    }

    /** {@code 0x010005}: whole bytes, as the genRSAKeyPair page prints 65541. */
    private static String exponentHex(java.math.BigInteger e) {
        String hex = e.toString(16);
        return "0x" + (hex.length() % 2 == 1 ? "0" + hex : hex);
    }

    public long handle() {
        return handle;
    }

    /** All attributes: the classic KMU set, then the extended ones. */
    public List<AttributeValue> all() {
        return values;
    }

    /** What {@code getAttribute -a 512} writes: the classic set (16 attributes when there is no KCV), then a pair's modulus, bits and exponent. */
    public List<AttributeValue> kmuDump() {
        return values.stream().filter(v -> Attribute.KMU_DUMP_ORDER.contains(v.attribute())
                || Attribute.PAIR_DUMP_ORDER.contains(v.attribute())).toList();
    }

    /**
     * For either half of a key pair, the DER SubjectPublicKeyInfo of its public key: what every user may
     * read of it (PKCS#11 shows CKA_MODULUS, CKA_EC_POINT on both halves); empty for a secret key.
     */
    public Optional<byte[]> publicKeyInfo() {
        return Optional.ofNullable(publicKeyInfo).map(byte[]::clone);
    }

    public Optional<AttributeValue> get(Attribute a) {
        return values.stream().filter(v -> v.attribute() == a).findFirst();
    }

    /** The curve of either half of an EC key pair; empty for other keys. */
    public Optional<EcCurve> curve() {
        return Optional.ofNullable(publicKeyInfo).flatMap(AsymmetricMaterial::ofPublic).flatMap(AsymmetricMaterial::curve);
    }
}
