package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.pkcs11.rpc.Attr;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A C_GenerateKey template read into the simulator's genSymKey request, plus the usage flags the
 * template asks for (applied after generation through the simulator's setAttribute, so its rules
 * decide). What PKCS#11 forbids in a template is refused here with the CK_RV the standard names.
 */
final class GenerateTemplate {
    /** Attributes only the HSM sets: a template may not name them. */
    private static final Set<Long> READ_ONLY = Set.of(Ck.CKA_LOCAL, Ck.CKA_NEVER_EXTRACTABLE, Ck.CKA_ALWAYS_SENSITIVE,
            Ck.CKA_KEY_GEN_MECHANISM, Ck.CKA_CHECK_VALUE, Ck.CKA_VALUE);

    private final GenSymKeyRequest request;
    private final Map<Attribute, Boolean> flags;

    private GenerateTemplate(GenSymKeyRequest request, Map<Attribute, Boolean> flags) {
        this.request = request;
        this.flags = flags;
    }

    GenSymKeyRequest request() {
        return request;
    }

    /** The boolean attributes the template sets, in template order. */
    Map<Attribute, Boolean> flags() {
        return flags;
    }

    static GenerateTemplate read(long mechanism, List<Attr> template) {
        return read(typeFor(mechanism), template, true);
    }

    /**
     * A C_UnwrapKey template: the same attributes, the key type named by CKA_KEY_TYPE (required; CKK_*
     * numbers are the simulator's key type codes) and the size taken from the unwrapped material.
     */
    static GenerateTemplate forUnwrap(List<Attr> template) {
        return read(namedType(template), template, false);
    }

    /** A C_DeriveKey template: the key type named by CKA_KEY_TYPE and, as for a generated key, CKA_VALUE_LEN. */
    static GenerateTemplate forDerive(List<Attr> template) {
        return read(namedType(template), template, true);
    }

    private static KeyType namedType(List<Attr> template) {
        Attr type = template.stream().filter(a -> a.type() == Ck.CKA_KEY_TYPE && a.valid()).findFirst()
                .orElseThrow(() -> new Refusal(Ck.CKR_TEMPLATE_INCOMPLETE));
        KeyType keyType = KeyType.fromCode((int) Math.min(type.number(), Integer.MAX_VALUE))
                .filter(t -> t != KeyType.RC4).orElseThrow(() -> new Refusal(Ck.CKR_TEMPLATE_INCONSISTENT));
        return keyType;
    }

    private static GenerateTemplate read(KeyType type, List<Attr> template, boolean sizeRequired) {
        Integer size = type == KeyType.DES3 || !sizeRequired ? Integer.valueOf(24) : null;
        String label = "";
        String id = "";
        boolean token = false;
        boolean extractable = true;
        Map<Attribute, Boolean> flags = new LinkedHashMap<>();
        for (Attr a : template) {
            long t = a.type();
            if (!a.valid()) {
                throw new Refusal(Ck.CKR_ATTRIBUTE_VALUE_INVALID);
            }
            if (READ_ONLY.contains(t)) {
                throw new Refusal(Ck.CKR_ATTRIBUTE_READ_ONLY);
            }
            if (t == Ck.CKA_CLASS) {
                require(a.number() == Ck.CKO_SECRET_KEY, Ck.CKR_TEMPLATE_INCONSISTENT);
            } else if (t == Ck.CKA_KEY_TYPE) {
                require(a.number() == type.code(), Ck.CKR_TEMPLATE_INCONSISTENT);
            } else if (t == Ck.CKA_VALUE_LEN) {
                require(a.number() >= 0 && a.number() <= Integer.MAX_VALUE, Ck.CKR_KEY_SIZE_RANGE);
                require(type != KeyType.DES3 || a.number() == 24, Ck.CKR_TEMPLATE_INCONSISTENT);
                size = (int) a.number();
            } else if (t == Ck.CKA_LABEL) {
                label = text(a, StandardCharsets.UTF_8);
            } else if (t == Ck.CKA_ID) {
                id = text(a, StandardCharsets.ISO_8859_1);
            } else if (t == Ck.CKA_TOKEN) {
                token = a.isTrue();
            } else if (t == Ck.CKA_PRIVATE || t == Ck.CKA_SENSITIVE) {
                // Every key the simulator makes is private and sensitive (as every CloudHSM key is
                // private). Tools such as pkcs11-tool send both as false by default, so the request is
                // accepted and the key reads back true for both: docs/pkcs11.md says so.
                continue;
            } else if (t == Ck.CKA_EXTRACTABLE) {
                extractable = a.isTrue();
            } else if (t == Ck.CKA_SIGN_RECOVER || t == Ck.CKA_VERIFY_RECOVER || t == Ck.CKA_COPYABLE) {
                require(!a.isTrue(), Ck.CKR_ATTRIBUTE_VALUE_INVALID);
            } else if (t == Ck.CKA_MODIFIABLE) {
                require(a.isTrue(), Ck.CKR_ATTRIBUTE_VALUE_INVALID);
            } else if (t == Ck.CKA_START_DATE || t == Ck.CKA_END_DATE) {
                require(a.bytes() == null || a.bytes().length == 0, Ck.CKR_ATTRIBUTE_TYPE_INVALID);
            } else {
                Attribute flag = KeyObjectView.simulatorAttribute(t)
                        .orElseThrow(() -> new Refusal(Ck.CKR_ATTRIBUTE_TYPE_INVALID));
                flags.put(flag, a.isTrue());
            }
        }
        if (size == null) {
            throw new Refusal(Ck.CKR_TEMPLATE_INCOMPLETE);
        }
        GenSymKeyRequest request = GenSymKeyRequest.of(type.code(), size, label).withId(id)
                .withNonExtractable(!extractable).withSession(!token).withLabelOptional(); // CKA_LABEL defaults to empty
        return new GenerateTemplate(request, flags);
    }

    private static KeyType typeFor(long mechanism) {
        if (mechanism == Ck.CKM_AES_KEY_GEN) {
            return KeyType.AES;
        }
        if (mechanism == Ck.CKM_GENERIC_SECRET_KEY_GEN) {
            return KeyType.GENERIC_SECRET;
        }
        if (mechanism == Ck.CKM_DES3_KEY_GEN) {
            return KeyType.DES3;
        }
        throw new Refusal(Ck.CKR_MECHANISM_INVALID);
    }

    private static String text(Attr a, java.nio.charset.Charset charset) {
        return a.bytes() == null ? "" : new String(a.bytes(), charset);
    }

    private static void require(boolean condition, long rv) {
        if (!condition) {
            throw new Refusal(rv);
        }
    }
}
