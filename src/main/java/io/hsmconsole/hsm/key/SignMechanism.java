package io.hsmconsole.hsm.key;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code -m} numbers of KMU {@code sign} / {@code verify}. 0–19 are the tool's own table (RSA and
 * ECDSA); the simulator holds only symmetric keys, so those are known but refused. The HMAC numbers
 * from 20 up are simulator-defined (KMU has no HMAC signing; the HSM does, through PKCS#11): they let a
 * user see the seed's tip — an HMAC key signs only once OBJ_ATTR_SIGN / OBJ_ATTR_VERIFY are set.
 */
public enum SignMechanism {
    SHA1_RSA_PKCS(0, null), SHA256_RSA_PKCS(1, null), SHA384_RSA_PKCS(2, null), SHA512_RSA_PKCS(3, null),
    SHA224_RSA_PKCS(4, null), SHA1_RSA_PKCS_PSS(5, null), SHA256_RSA_PKCS_PSS(6, null),
    SHA384_RSA_PKCS_PSS(7, null), SHA512_RSA_PKCS_PSS(8, null), SHA224_RSA_PKCS_PSS(9, null),
    ECDSA_SHA1(15, null), ECDSA_SHA224(16, null), ECDSA_SHA256(17, null), ECDSA_SHA384(18, null),
    ECDSA_SHA512(19, null),
    SHA1_HMAC(20, "SHA-1"), SHA224_HMAC(21, "SHA-224"), SHA256_HMAC(22, "SHA-256"), SHA384_HMAC(23, "SHA-384"),
    SHA512_HMAC(24, "SHA-512");

    private final int code;
    private final String hmacDigest;

    SignMechanism(int code, String hmacDigest) {
        this.code = code;
        this.hmacDigest = hmacDigest;
    }

    public int code() {
        return code;
    }

    /** True for the HMAC mechanisms, the only ones a symmetric key can sign with. */
    public boolean isHmac() {
        return hmacDigest != null;
    }

    /** The digest the HMAC is built on (e.g. {@code SHA-256}); only for {@link #isHmac()} mechanisms. */
    public String hmacDigest() {
        if (hmacDigest == null) {
            throw new IllegalStateException(this + " is not an HMAC mechanism");
        }
        return hmacDigest;
    }

    public static Optional<SignMechanism> fromCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
