package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A key as a PKCS#11 secret-key object: the simulator's attributes under their CKA numbers, plus the
 * attributes PKCS#11 defines that the simulator answers implicitly (CKA_PRIVATE is always true on
 * CloudHSM; CKA_VALUE is sensitive).
 */
final class KeyObjectView {
    private static final Map<Attribute, Long> CKA_OF = new HashMap<>();

    static {
        CKA_OF.put(Attribute.TOKEN, Ck.CKA_TOKEN);
        CKA_OF.put(Attribute.LABEL, Ck.CKA_LABEL);
        CKA_OF.put(Attribute.TRUSTED, Ck.CKA_TRUSTED);
        CKA_OF.put(Attribute.SENSITIVE, Ck.CKA_SENSITIVE);
        CKA_OF.put(Attribute.ENCRYPT, Ck.CKA_ENCRYPT);
        CKA_OF.put(Attribute.DECRYPT, Ck.CKA_DECRYPT);
        CKA_OF.put(Attribute.WRAP, Ck.CKA_WRAP);
        CKA_OF.put(Attribute.UNWRAP, Ck.CKA_UNWRAP);
        CKA_OF.put(Attribute.SIGN, Ck.CKA_SIGN);
        CKA_OF.put(Attribute.VERIFY, Ck.CKA_VERIFY);
        CKA_OF.put(Attribute.DERIVE, Ck.CKA_DERIVE);
        CKA_OF.put(Attribute.EXTRACTABLE, Ck.CKA_EXTRACTABLE);
        CKA_OF.put(Attribute.LOCAL, Ck.CKA_LOCAL);
        CKA_OF.put(Attribute.NEVER_EXTRACTABLE, Ck.CKA_NEVER_EXTRACTABLE);
        CKA_OF.put(Attribute.ALWAYS_SENSITIVE, Ck.CKA_ALWAYS_SENSITIVE);
        CKA_OF.put(Attribute.DESTROYABLE, Ck.CKA_DESTROYABLE);
        CKA_OF.put(Attribute.WRAP_WITH_TRUSTED, Ck.CKA_WRAP_WITH_TRUSTED);
    }

    private static final long CKA_ALWAYS_AUTHENTICATE = 0x202;
    private final Map<Long, Value> values = new HashMap<>();

    private KeyObjectView() {
    }

    /** The simulator attribute a boolean CKA stands for, if it is one the simulator keeps. */
    static Optional<Attribute> simulatorAttribute(long cka) {
        return CKA_OF.entrySet().stream().filter(e -> e.getValue() == cka).map(Map.Entry::getKey).findFirst();
    }

    static KeyObjectView of(KeyAttributes attributes) {
        KeyObjectView view = new KeyObjectView();
        for (AttributeValue v : attributes.all()) {
            Long cka = CKA_OF.get(v.attribute());
            if (cka != null) {
                view.values.put(cka, v.attribute() == Attribute.LABEL ? Value.text(v.text()) : Value.number(v.number()));
            }
        }
        long keyType = attributes.get(Attribute.KEY_TYPE).map(AttributeValue::number).orElse(Ck.UNAVAILABLE);
        view.values.put(Ck.CKA_CLASS, Value.number(attributes.get(Attribute.CLASS).map(AttributeValue::number)
                .orElse(Ck.CKO_SECRET_KEY)));
        view.values.put(Ck.CKA_KEY_TYPE, Value.number(keyType));
        view.values.put(Ck.CKA_ID, Value.bytes(attributes.get(Attribute.ID).map(AttributeValue::text).orElse("")
                .getBytes(StandardCharsets.ISO_8859_1)));
        attributes.get(Attribute.VALUE_LEN).ifPresent(v -> view.values.put(Ck.CKA_VALUE_LEN, Value.number(v.number())));
        attributes.get(Attribute.KCV).ifPresent(v -> view.values.put(Ck.CKA_CHECK_VALUE,
                Value.bytes(new byte[] {(byte) (v.number() >>> 16), (byte) (v.number() >>> 8), (byte) v.number()})));
        boolean local = attributes.get(Attribute.LOCAL).map(AttributeValue::isTrue).orElse(false);
        view.values.put(Ck.CKA_KEY_GEN_MECHANISM, Value.number(local ? generatingMechanism(keyType) : Ck.UNAVAILABLE));
        view.values.put(Ck.CKA_PRIVATE, Value.number(1));
        view.values.put(Ck.CKA_MODIFIABLE, Value.number(1));
        view.values.put(Ck.CKA_COPYABLE, Value.number(0));
        view.values.put(Ck.CKA_SIGN_RECOVER, Value.number(0));
        view.values.put(Ck.CKA_VERIFY_RECOVER, Value.number(0));
        view.values.put(Ck.CKA_START_DATE, Value.bytes(new byte[0]));
        view.values.put(Ck.CKA_END_DATE, Value.bytes(new byte[0]));
        view.values.put(Ck.CKA_VALUE, Value.SENSITIVE);
        attributes.publicKeyInfo().flatMap(AsymmetricMaterial::ofPublic).ifPresent(view::addPublicParts);
        return view;
    }

    /** What both halves of a pair show of the public key: RSA's modulus and exponent, DSA's domain (and y), EC's curve and point. */
    private void addPublicParts(AsymmetricMaterial pub) {
        if (pub.type() == AsymmetricKeyType.RSA) {
            values.put(Ck.CKA_MODULUS, Value.bytes(pub.modulus()));
            values.put(Ck.CKA_MODULUS_BITS, Value.number(pub.bits()));
            values.put(Ck.CKA_PUBLIC_EXPONENT, Value.bytes(pub.publicExponent().orElseThrow().toByteArray()));
        } else if (pub.type() == AsymmetricKeyType.DSA) {
            AsymmetricMaterial.DsaPublicParts dsa = pub.dsa().orElseThrow();
            values.put(Ck.CKA_PRIME, Value.bytes(dsa.prime()));
            values.put(Ck.CKA_SUBPRIME, Value.bytes(dsa.subprime()));
            values.put(Ck.CKA_BASE, Value.bytes(dsa.base()));
            if (values.get(Ck.CKA_CLASS).number() == Ck.CKO_PUBLIC_KEY) {
                values.put(Ck.CKA_VALUE, Value.bytes(dsa.value())); // a public key's y; a private key's x stays sensitive
                return;
            }
        } else {
            values.put(Ck.CKA_EC_PARAMS, Value.bytes(AsymmetricMaterial.curveParameters(pub.curve().orElseThrow())));
            values.put(Ck.CKA_EC_POINT, Value.bytes(octetString(pub.modulus())));
        }
        if (values.get(Ck.CKA_CLASS).number() == Ck.CKO_PUBLIC_KEY) {
            values.remove(Ck.CKA_VALUE);
        } else {
            values.put(CKA_ALWAYS_AUTHENTICATE, Value.number(0)); // no per-use PIN on CloudHSM
        }
    }

    /** DER OCTET STRING around the point, as PKCS#11 gives CKA_EC_POINT (a point is at most 133 bytes). */
    private static byte[] octetString(byte[] point) {
        byte[] header = point.length < 128 ? new byte[] {0x04, (byte) point.length} : new byte[] {0x04, (byte) 0x81, (byte) point.length};
        byte[] out = java.util.Arrays.copyOf(header, header.length + point.length);
        System.arraycopy(point, 0, out, header.length, point.length);
        return out;
    }

    private static long generatingMechanism(long keyType) {
        if (keyType == AsymmetricKeyType.RSA.code()) {
            return Ck.CKM_RSA_PKCS_KEY_PAIR_GEN;
        }
        if (keyType == AsymmetricKeyType.EC.code()) {
            return Ck.CKM_EC_KEY_PAIR_GEN;
        }
        if (keyType == AsymmetricKeyType.DSA.code()) {
            return Ck.CKM_DSA_KEY_PAIR_GEN;
        }
        if (keyType == KeyType.AES.code()) {
            return Ck.CKM_AES_KEY_GEN;
        }
        if (keyType == KeyType.DES3.code()) {
            return Ck.CKM_DES3_KEY_GEN;
        }
        return keyType == KeyType.GENERIC_SECRET.code() ? Ck.CKM_GENERIC_SECRET_KEY_GEN : Ck.UNAVAILABLE;
    }

    /** The attribute's value, or empty when the object has no such attribute. */
    Optional<Value> get(long cka) {
        return Optional.ofNullable(values.get(cka));
    }

    /** A value: a number for CK_BBOOL / CK_ULONG attributes, bytes for the rest; or sensitive. */
    record Value(long number, byte[] bytes, boolean sensitive) {
        static final Value SENSITIVE = new Value(0, null, true);

        static Value number(long n) {
            return new Value(n, null, false);
        }

        static Value bytes(byte[] b) {
            return new Value(0, b, false);
        }

        static Value text(String s) {
            return bytes(s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
