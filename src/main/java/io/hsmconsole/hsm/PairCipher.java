package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricKeyType;
import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyRecord;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Encrypting host data with an RSA public key and decrypting it with the private key
 * (pkcs11-mechanisms.md: CKM_RSA_PKCS, CKM_RSA_PKCS_OAEP, CKM_RSA_X_509, single-part). Encryption needs
 * an RSA key whose OBJ_ATTR_ENCRYPT is set (the public key, as generated) and uses only its public
 * half; decryption needs an RSA private key whose OBJ_ATTR_DECRYPT is set, and spends its quorum token
 * when it has m_value ≥ 2. The input must fit the padding (RFC 8017's limits) and a ciphertext is
 * exactly the modulus long. {@link RsaEncryption} does the block (BouncyCastle's blinded RSA).
 */
final class PairCipher {
    private final HsmSession session;
    private final SecureRandom random;

    PairCipher(HsmSession session, SecureRandom random) {
        this.session = session;
        this.random = random;
    }

    HsmResult<byte[]> crypt(long handle, boolean encrypt, RsaEncryption scheme, byte[] data) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord k = key.get();
        Optional<AsymmetricKeyParameter> rsa = rsaKey(k, encrypt);
        if (rsa.isEmpty()) {
            return session.fail(ReturnCode.MECHANISM_INVALID, k);
        }
        int modulusBytes = modulusBytes(k);
        boolean fits = encrypt ? data.length <= scheme.maxInput(modulusBytes) : data.length == modulusBytes;
        Optional<ReturnCode> refusal = KeyUse.permits(k, encrypt ? Attribute.ENCRYPT : Attribute.DECRYPT)
                .or(() -> fits ? Optional.empty() : Optional.of(ReturnCode.RSA_DATA_LEN_INVALID))
                .or(() -> new KeyUse(session).spendQuorum(k));
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), k);
        }
        try {
            return session.ok(k, encrypt ? scheme.encrypt(rsa.get(), random, data) : scheme.decrypt(rsa.get(), data));
        } catch (InvalidCipherTextException | RuntimeException e) {
            // a padding that does not check out, or raw input not below the modulus
            return session.fail(encrypt ? ReturnCode.RSA_DATA_LEN_INVALID : ReturnCode.ENCRYPTED_DATA_INVALID, k);
        }
    }

    /** The room an answer needs: the modulus length (a decryption's plaintext is never longer). Not audited. */
    HsmResult<Integer> length(long handle, boolean encrypt) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return HsmResult.fail(ReturnCode.INVALID_HANDLE, List.of());
        }
        if (rsaKey(key.get(), encrypt).isEmpty()) {
            return HsmResult.fail(ReturnCode.MECHANISM_INVALID, List.of());
        }
        return HsmResult.ok(modulusBytes(key.get()), List.of());
    }

    /**
     * The BouncyCastle key to use: any RSA key's public half to encrypt (a private key holds its public
     * half too), a private key to decrypt.
     */
    static Optional<AsymmetricKeyParameter> rsaKey(KeyRecord k, boolean encrypt) {
        Optional<AsymmetricMaterial> material = AsymmetricMaterial.of(k.keyClass().code(), k.material())
                .filter(m -> m.type() == AsymmetricKeyType.RSA);
        if (encrypt) {
            return material.flatMap(m -> AsymmetricMaterial.ofPublic(m.publicKeyInfo())).map(AsymmetricMaterial::key);
        }
        return material.filter(m -> k.keyClass() == KeyClass.PRIVATE_KEY).map(AsymmetricMaterial::key);
    }

    static int modulusBytes(KeyRecord k) {
        return AsymmetricMaterial.of(k.keyClass().code(), k.material()).map(m -> (m.bits() + 7) / 8).orElse(0);
    }

}
