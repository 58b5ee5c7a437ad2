package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.EcCurve;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.pkcs11.rpc.Attr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C_GenerateKeyPair's two templates read into the simulator's genRSAKeyPair / genECCKeyPair request
 * (CKA_MODULUS_BITS and CKA_PUBLIC_EXPONENT, or CKA_EC_PARAMS as a named curve's DER OID), plus each
 * half's usage flags, set afterwards through setAttribute so the simulator's rules decide. Whether the
 * numbers are valid (modulus size, exponent, curve, FIPS) is the simulator's call, not this reader's.
 */
final class PairTemplate {
    private final KeyPairRequest request;
    private final Map<Attribute, Boolean> publicFlags;
    private final Map<Attribute, Boolean> privateFlags;

    private PairTemplate(KeyPairRequest request, Map<Attribute, Boolean> publicFlags, Map<Attribute, Boolean> privateFlags) {
        this.request = request;
        this.publicFlags = publicFlags;
        this.privateFlags = privateFlags;
    }

    KeyPairRequest request() {
        return request;
    }

    Map<Attribute, Boolean> publicFlags() {
        return publicFlags;
    }

    Map<Attribute, Boolean> privateFlags() {
        return privateFlags;
    }

    static PairTemplate read(long mechanism, List<Attr> publicTemplate, List<Attr> privateTemplate) {
        // X9.31's generation only adds guarantees on p and q, which the simulator's primes already meet.
        boolean rsa = mechanism == Ck.CKM_RSA_PKCS_KEY_PAIR_GEN || mechanism == Ck.CKM_RSA_X9_31_KEY_PAIR_GEN;
        if (!rsa && mechanism != Ck.CKM_EC_KEY_PAIR_GEN) {
            throw new Refusal(Ck.CKR_MECHANISM_INVALID);
        }
        long keyType = rsa ? Ck.CKK_RSA : Ck.CKK_EC;
        Half pub = Half.read(publicTemplate, Ck.CKO_PUBLIC_KEY, keyType);
        Half priv = Half.read(privateTemplate, Ck.CKO_PRIVATE_KEY, keyType);
        // Both halves carry one label, ID and token choice in the simulator; the private half's wins.
        String label = priv.label != null ? priv.label : pub.label == null ? "" : pub.label;
        String id = priv.id != null ? priv.id : pub.id == null ? "" : pub.id;
        boolean token = priv.token != null ? priv.token : pub.token != null && pub.token;
        // PKCS#11's CKA_LABEL defaults to empty: a pair whose templates name none is made unlabelled (KeyOptions).
        KeyOptions options = new KeyOptions(label, id, !priv.extractable, !token, List.of(), 0, null, null, false)
                .withLabelOptional();
        KeyPairRequest request;
        if (rsa) {
            if (pub.modulusBits == null) {
                throw new Refusal(Ck.CKR_TEMPLATE_INCOMPLETE);
            }
            BigInteger exponent = pub.exponent == null ? BigInteger.valueOf(65537) : pub.exponent;
            request = KeyPairRequest.rsa(pub.modulusBits, exponent, options);
        } else {
            if (pub.ecParams == null) {
                throw new Refusal(Ck.CKR_TEMPLATE_INCOMPLETE);
            }
            EcCurve curve = Arrays.stream(EcCurve.values())
                    .filter(c -> Arrays.equals(AsymmetricMaterial.curveParameters(c), pub.ecParams)).findFirst()
                    .orElseThrow(() -> new Refusal(Ck.CKR_DOMAIN_PARAMS_INVALID));
            request = KeyPairRequest.ec(curve.id(), options);
        }
        return new PairTemplate(request, pub.flags, priv.flags);
    }

    /** What one half's template says. */
    private static final class Half {
        String label;
        String id;
        Boolean token;
        boolean extractable = true;
        Integer modulusBits;
        BigInteger exponent;
        byte[] ecParams;
        final Map<Attribute, Boolean> flags = new LinkedHashMap<>();

        static Half read(List<Attr> template, long keyClass, long keyType) {
            Half h = new Half();
            for (Attr a : template) {
                long t = a.type();
                if (!a.valid()) {
                    throw new Refusal(Ck.CKR_ATTRIBUTE_VALUE_INVALID);
                }
                if (t == Ck.CKA_CLASS) {
                    require(a.number() == keyClass);
                } else if (t == Ck.CKA_KEY_TYPE) {
                    require(a.number() == keyType);
                } else if (t == Ck.CKA_LABEL) {
                    h.label = a.bytes() == null ? "" : new String(a.bytes(), StandardCharsets.UTF_8);
                } else if (t == Ck.CKA_ID) {
                    h.id = a.bytes() == null ? "" : new String(a.bytes(), StandardCharsets.ISO_8859_1);
                } else if (t == Ck.CKA_TOKEN) {
                    h.token = a.isTrue();
                } else if (t == Ck.CKA_PRIVATE || t == Ck.CKA_SENSITIVE) {
                    continue; // as for secret keys: CloudHSM keys are private; see GenerateTemplate
                } else if (t == Ck.CKA_EXTRACTABLE) {
                    h.extractable = a.isTrue();
                } else if (t == Ck.CKA_MODULUS_BITS && keyClass == Ck.CKO_PUBLIC_KEY) {
                    require(a.number() > 0 && a.number() <= Integer.MAX_VALUE);
                    h.modulusBits = (int) a.number();
                } else if (t == Ck.CKA_PUBLIC_EXPONENT && keyClass == Ck.CKO_PUBLIC_KEY && a.bytes() != null) {
                    h.exponent = new BigInteger(1, a.bytes());
                } else if (t == Ck.CKA_EC_PARAMS && keyClass == Ck.CKO_PUBLIC_KEY && a.bytes() != null) {
                    h.ecParams = a.bytes();
                } else if (t == Ck.CKA_SIGN_RECOVER || t == Ck.CKA_VERIFY_RECOVER || t == Ck.CKA_COPYABLE) {
                    if (a.isTrue()) {
                        throw new Refusal(Ck.CKR_ATTRIBUTE_VALUE_INVALID);
                    }
                } else if (t == Ck.CKA_MODIFIABLE) {
                    if (!a.isTrue()) {
                        throw new Refusal(Ck.CKR_ATTRIBUTE_VALUE_INVALID);
                    }
                } else {
                    Attribute flag = KeyObjectView.simulatorAttribute(t)
                            .orElseThrow(() -> new Refusal(Ck.CKR_ATTRIBUTE_TYPE_INVALID));
                    h.flags.put(flag, a.isTrue());
                }
            }
            return h;
        }

        private static void require(boolean condition) {
            if (!condition) {
                throw new Refusal(Ck.CKR_TEMPLATE_INCONSISTENT);
            }
        }
    }
}
