package io.hsmconsole.hsm.key;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code -m} numbers of KMU {@code sign} / {@code verify}. 0–19 are the tool's own table
 * (key_mgmt_util-sign.md): RSA PKCS#1 v1.5 and PSS with an RSA key pair, ECDSA with an EC pair. The
 * HMAC numbers from 20 up are simulator-defined (KMU has no HMAC signing; the HSM does, through
 * PKCS#11): they let a user see the seed's tip — an HMAC key signs only once OBJ_ATTR_SIGN /
 * OBJ_ATTR_VERIFY are set.
 */
public enum SignMechanism {
    SHA1_RSA_PKCS(0, Family.RSA_PKCS, "SHA-1"), SHA256_RSA_PKCS(1, Family.RSA_PKCS, "SHA-256"),
    SHA384_RSA_PKCS(2, Family.RSA_PKCS, "SHA-384"), SHA512_RSA_PKCS(3, Family.RSA_PKCS, "SHA-512"),
    SHA224_RSA_PKCS(4, Family.RSA_PKCS, "SHA-224"), SHA1_RSA_PKCS_PSS(5, Family.RSA_PSS, "SHA-1"),
    SHA256_RSA_PKCS_PSS(6, Family.RSA_PSS, "SHA-256"), SHA384_RSA_PKCS_PSS(7, Family.RSA_PSS, "SHA-384"),
    SHA512_RSA_PKCS_PSS(8, Family.RSA_PSS, "SHA-512"), SHA224_RSA_PKCS_PSS(9, Family.RSA_PSS, "SHA-224"),
    ECDSA_SHA1(15, Family.ECDSA, "SHA-1"), ECDSA_SHA224(16, Family.ECDSA, "SHA-224"),
    ECDSA_SHA256(17, Family.ECDSA, "SHA-256"), ECDSA_SHA384(18, Family.ECDSA, "SHA-384"),
    ECDSA_SHA512(19, Family.ECDSA, "SHA-512"),
    SHA1_HMAC(20, Family.HMAC, "SHA-1"), SHA224_HMAC(21, Family.HMAC, "SHA-224"), SHA256_HMAC(22, Family.HMAC, "SHA-256"),
    SHA384_HMAC(23, Family.HMAC, "SHA-384"), SHA512_HMAC(24, Family.HMAC, "SHA-512");

    /** How the mechanism signs: which key type it takes and which padding or scheme it uses. */
    public enum Family {
        /** RSASSA-PKCS1-v1_5. */
        RSA_PKCS,
        /** RSASSA-PSS with MGF1 on the same hash and a salt as long as the hash (PKCS#11's usual parameters). */
        RSA_PSS,
        /** ECDSA, the signature DER-encoded (what OpenSSL writes and reads). */
        ECDSA,
        HMAC
    }

    private final int code;
    private final Family family;
    private final String digest;

    SignMechanism(int code, Family family, String digest) {
        this.code = code;
        this.family = family;
        this.digest = digest;
    }

    public int code() {
        return code;
    }

    public Family family() {
        return family;
    }

    /** True for the HMAC mechanisms, the only ones a symmetric key can sign with. */
    public boolean isHmac() {
        return family == Family.HMAC;
    }

    /** The key type the mechanism signs with: RSA, EC, or empty for HMAC (a GENERIC_SECRET key). */
    public Optional<AsymmetricKeyType> pairType() {
        return switch (family) {
            case RSA_PKCS, RSA_PSS -> Optional.of(AsymmetricKeyType.RSA);
            case ECDSA -> Optional.of(AsymmetricKeyType.EC);
            case HMAC -> Optional.empty();
        };
    }

    /** The hash's standard name, e.g. {@code SHA-256} (OpenSSL's {@code -sha256}). */
    public String digestName() {
        return digest;
    }

    /** The digest the HMAC is built on (e.g. {@code SHA-256}); only for {@link #isHmac()} mechanisms. */
    public String hmacDigest() {
        if (!isHmac()) {
            throw new IllegalStateException(this + " is not an HMAC mechanism");
        }
        return digest;
    }

    /** A fresh BouncyCastle digest of the mechanism's hash. */
    public Digest newDigest() {
        return switch (digest) {
            case "SHA-1" -> new SHA1Digest();
            case "SHA-224" -> new SHA224Digest();
            case "SHA-256" -> new SHA256Digest();
            case "SHA-384" -> new SHA384Digest();
            case "SHA-512" -> new SHA512Digest();
            default -> throw new IllegalStateException("no digest for " + this);
        };
    }

    public static Optional<SignMechanism> fromCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst();
    }
}
