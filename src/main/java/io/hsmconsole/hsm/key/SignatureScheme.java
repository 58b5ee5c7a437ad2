package io.hsmconsole.hsm.key;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.NullDigest;

import java.util.Optional;

/**
 * A key-pair signature as PKCS#11 asks for it, beyond KMU's {@link SignMechanism} table: the hash may be
 * done by the caller (CKM_RSA_PKCS signs a DigestInfo as given, CKM_ECDSA and CKM_RSA_PKCS_PSS a hash),
 * PSS names its MGF1 hash and salt length, and ECDSA signatures are PKCS#11's plain r || s rather than
 * KMU's DER. The simulator keeps the rules (key type, CKA_SIGN, quorum); this only says how to compute.
 *
 * @param family     RSA PKCS#1 v1.5, RSA PSS or ECDSA
 * @param digest     the hash the HSM computes (e.g. {@code SHA-256}), or null when the caller hashed
 * @param mgfDigest  PSS: MGF1's hash; null otherwise
 * @param saltLength PSS: the salt's length in bytes; 0 otherwise
 * @param plainEcdsa ECDSA: r || s, each as long as the curve's order (PKCS#11), instead of DER
 */
public record SignatureScheme(SignMechanism.Family family, String digest, String mgfDigest, int saltLength,
                              boolean plainEcdsa) {

    public SignatureScheme {
        if (family == SignMechanism.Family.HMAC) {
            throw new IllegalArgumentException("HMAC is not a key-pair scheme");
        }
    }

    /** KMU's mechanism: its hash, PSS with MGF1 on the same hash and a salt as long as it, DER ECDSA. */
    public static SignatureScheme of(SignMechanism m) {
        String d = m.digestName();
        return new SignatureScheme(m.family(), d, m.family() == SignMechanism.Family.RSA_PSS ? d : null,
                m.family() == SignMechanism.Family.RSA_PSS ? m.newDigest().getDigestSize() : 0, false);
    }

    public static SignatureScheme rsaPkcs(String digest) {
        return new SignatureScheme(SignMechanism.Family.RSA_PKCS, digest, null, 0, false);
    }

    public static SignatureScheme pss(String digest, String mgfDigest, int saltLength) {
        return new SignatureScheme(SignMechanism.Family.RSA_PSS, digest, mgfDigest, saltLength, false);
    }

    /** PKCS#11's ECDSA: plain r || s, over the data hashed with {@code digest} (null: the data is the hash). */
    public static SignatureScheme ecdsa(String digest) {
        return new SignatureScheme(SignMechanism.Family.ECDSA, digest, null, 0, true);
    }

    public AsymmetricKeyType pairType() {
        return family == SignMechanism.Family.ECDSA ? AsymmetricKeyType.EC : AsymmetricKeyType.RSA;
    }

    public boolean callerHashed() {
        return digest == null;
    }

    /** A fresh digest of the scheme's hash; a pass-through one when the caller hashed. */
    public Digest newDigest() {
        return digest == null ? new NullDigest() : newDigest(digest);
    }

    /** A fresh digest by its standard name ({@code SHA-1} … {@code SHA-512}). */
    public static Digest newDigest(String name) {
        return Optional.ofNullable(name).flatMap(SignatureScheme::byName).orElseThrow(
                () -> new IllegalArgumentException("no digest " + name)).newDigest();
    }

    private static Optional<SignMechanism> byName(String name) {
        return java.util.Arrays.stream(SignMechanism.values())
                .filter(m -> m.family() == SignMechanism.Family.RSA_PKCS && m.digestName().equals(name)).findFirst();
    }

    /** Short text for the audit log, e.g. {@code ECDSA/SHA-256}. */
    public String describe() {
        return family + "/" + (digest == null ? "caller-hashed" : digest)
                + (family == SignMechanism.Family.RSA_PSS ? "/MGF1-" + mgfDigest + "/salt " + saltLength : "");
    }
}
