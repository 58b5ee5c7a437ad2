package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.CipherRequest;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.key.SignatureScheme;
import java.util.List;
import java.util.Optional;

/**
 * A session's key-use commands ({@link HsmSession#crypto()}): aesWrapUnwrap, PKCS#11 encrypt/decrypt
 * and AES-CMAC, HMAC and key-pair sign/verify, and random bytes. Each checks the user; aesWrapUnwrap
 * is audited (CloudHSM's CN_NIST_AES_WRAP), the uses on data are not ({@link HsmSession#keyUse}); the
 * rules are {@link KeyUse}'s, {@link KeyCipher}'s and {@link PairSigning}'s.
 */
public final class KeyUseCommands {
    private final HsmCluster cluster;
    private final HsmSession session;

    KeyUseCommands(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    /**
     * {@code aesWrapUnwrap}: RFC 3394 AES key wrap after PKCS #5 padding ({@code wrap}) or unwrap of host data with an AES key
     * whose OBJ_ATTR_WRAP (or UNWRAP) is set; {@code iv} is 8 bytes, or null for the default A6A6….
     */
    public HsmResult<byte[]> aesWrapUnwrap(long handle, boolean wrap, byte[] data, byte[] iv) {
        return session.cryptoCommand("aesWrapUnwrap", "-m " + (wrap ? 1 : 0) + " -w " + handle + (iv == null ? "" : " -i <iv>"),
                () -> new KeyUse(session).aesWrapUnwrap(handle, wrap, data, iv));
    }

    /**
     * PKCS#11 C_Encrypt / C_Decrypt: AES (ECB, CBC, CBC with padding, CTR, GCM) or 3DES (ECB, CBC, CBC with
     * padding) with a key that permits the use; the rules are {@link KeyCipher}'s.
     */
    public HsmResult<byte[]> crypt(long handle, boolean encrypt, CipherRequest request, byte[] data) {
        return session.keyUse(() -> new KeyCipher(session, cluster.drbg()).crypt(handle, encrypt, request, data));
    }

    /** PKCS#11 C_Sign with CKM_AES_CMAC: the 16-byte AES-CMAC of {@code data} with an AES key whose OBJ_ATTR_SIGN is set. */
    public HsmResult<byte[]> cmacSign(long handle, byte[] data) {
        return session.keyUse(() -> new KeyCipher(session, cluster.drbg()).cmac(handle, data));
    }

    /** PKCS#11 C_Verify with CKM_AES_CMAC: success when {@code mac} is the AES-CMAC of {@code data}. */
    public HsmResult<Void> cmacVerify(long handle, byte[] data, byte[] mac) {
        return session.keyUse(() -> new KeyCipher(session, cluster.drbg()).cmacVerify(handle, data, mac));
    }

    /** PKCS#11 C_GenerateRandom: bytes from the HSM's DRBG, for a logged-in crypto user. */
    public HsmResult<byte[]> generateRandom(int length) {
        Optional<HsmResult<byte[]>> refused = session.requireCryptoUser();
        if (refused.isPresent()) {
            return refused.get();
        }
        byte[] out = new byte[length];
        cluster.drbg().nextBytes(out);
        return HsmResult.ok(out, List.of());
    }

    /** {@code sign}: an HMAC with a GENERIC_SECRET key, or an RSA/ECDSA signature with a private key ({@link PairSigning}). */
    public HsmResult<byte[]> sign(long handle, SignMechanism mechanism, byte[] data) {
        return session.keyUse(() -> mechanism.isHmac() ? new KeyUse(session).sign(handle, mechanism, data)
                        : pairSigning().sign(handle, mechanism, data));
    }

    /** A key-pair signature as PKCS#11 asks for it ({@link SignatureScheme}): the same rules as {@link #sign}. */
    public HsmResult<byte[]> sign(long handle, SignatureScheme scheme, byte[] data) {
        return session.keyUse(() -> pairSigning().sign(handle, scheme, data));
    }

    /** The length of this key's signature with this scheme, or why the key cannot sign with it; not a command, not audited. */
    public HsmResult<Integer> signatureLength(long handle, SignatureScheme scheme) {
        return pairSigning().length(handle, scheme);
    }

    /** Checks a key-pair signature made as {@link #sign(long, SignatureScheme, byte[])} makes it. */
    public HsmResult<Void> verify(long handle, SignatureScheme scheme, byte[] data, byte[] signature) {
        return session.keyUse(() -> pairSigning().verify(handle, scheme, data, signature));
    }

    /** {@code verify}: success when {@code signature} is the HMAC or the key pair's signature of {@code data}, else SIGNATURE_INVALID. */
    public HsmResult<Void> verify(long handle, SignMechanism mechanism, byte[] data, byte[] signature) {
        return session.keyUse(() -> mechanism.isHmac() ? new KeyUse(session).verify(handle, mechanism, data, signature)
                        : pairSigning().verify(handle, mechanism, data, signature));
    }

    /**
     * PKCS#11 C_Encrypt / C_Decrypt with an RSA key (CKM_RSA_PKCS, CKM_RSA_PKCS_OAEP, CKM_RSA_X_509): the
     * rules are {@link PairCipher}'s.
     */
    public HsmResult<byte[]> rsaCrypt(long handle, boolean encrypt, RsaEncryption scheme, byte[] data) {
        return session.keyUse(() -> new PairCipher(session, cluster.drbg()).crypt(handle, encrypt, scheme, data));
    }

    /** The room an RSA encryption's or decryption's answer needs (the modulus length), or why the key cannot; not audited. */
    public HsmResult<Integer> rsaCryptLength(long handle, boolean encrypt) {
        return new PairCipher(session, cluster.drbg()).length(handle, encrypt);
    }

    private PairSigning pairSigning() {
        return new PairSigning(session, cluster.drbg(), cluster.parsedKeys(), cluster.ecdsaNonces());
    }
}
