package io.hsmconsole.hsm.key;

import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * How an RSA key encrypts, decrypts, wraps or unwraps (PKCS#11's CKM_RSA_PKCS, CKM_RSA_PKCS_OAEP and
 * CKM_RSA_X_509; KMU's RSA_PKCS and RSA_OAEP): PKCS#1 v1.5 padding, OAEP with one SHA hash for both
 * OAEP and MGF1 (the pairs CloudHSM's pkcs11-mechanisms.md lists) and an optional label, or raw RSA.
 *
 * @param hash  OAEP's hash (and MGF1's); null for the other paddings
 * @param label OAEP's label (PKCS#11's pSourceData); empty when there is none
 */
public record RsaEncryption(Padding padding, OaepHash hash, byte[] label) {
    public enum Padding { PKCS1, OAEP, RAW }

    public RsaEncryption {
        if ((padding == Padding.OAEP) != (hash != null)) {
            throw new IllegalArgumentException("OAEP, and only OAEP, names a hash");
        }
        label = label == null ? new byte[0] : label.clone();
    }

    public static RsaEncryption pkcs1() {
        return new RsaEncryption(Padding.PKCS1, null, null);
    }

    public static RsaEncryption oaep(OaepHash hash, byte[] label) {
        return new RsaEncryption(Padding.OAEP, hash, label);
    }

    public static RsaEncryption raw() {
        return new RsaEncryption(Padding.RAW, null, null);
    }

    /** A fresh BouncyCastle block cipher for this padding (not yet initialised with a key). */
    public AsymmetricBlockCipher newCipher() {
        return switch (padding) {
            case PKCS1 -> new PKCS1Encoding(new RSABlindedEngine());
            case OAEP -> new OAEPEncoding(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(), label);
            case RAW -> new RSABlindedEngine();
        };
    }

    /**
     * One block encrypted under {@code publicKey}; data longer than {@link #maxInput} allows is refused, and
     * raw data must also be below the modulus (BouncyCastle's {@code DataLengthException} otherwise).
     */
    public byte[] encrypt(CipherParameters publicKey, SecureRandom random, byte[] data) throws InvalidCipherTextException {
        if (data.length > maxInput(modulusBytes(publicKey))) {
            throw new InvalidCipherTextException("too long for the modulus");
        }
        AsymmetricBlockCipher cipher = newCipher();
        cipher.init(true, new ParametersWithRandom(publicKey, random));
        return cipher.processBlock(data, 0, data.length);
    }

    /**
     * One block decrypted with {@code privateKey}; a block whose padding does not check throws. Raw
     * decryption keeps its leading zero bytes: the answer is exactly the modulus long, as PKCS#11's
     * CKM_RSA_X_509 gives it.
     */
    public byte[] decrypt(CipherParameters privateKey, byte[] block) throws InvalidCipherTextException {
        AsymmetricBlockCipher cipher = newCipher();
        cipher.init(false, privateKey);
        byte[] out = cipher.processBlock(block, 0, block.length);
        int modulusBytes = modulusBytes(privateKey);
        if (padding == Padding.RAW && out.length < modulusBytes) {
            byte[] padded = new byte[modulusBytes];
            System.arraycopy(out, 0, padded, modulusBytes - out.length, out.length);
            Arrays.fill(out, (byte) 0);
            return padded;
        }
        return out;
    }

    /** The length of an RSA key's modulus in bytes: a ciphertext's length. */
    public static int modulusBytes(CipherParameters rsaKey) {
        return (((RSAKeyParameters) rsaKey).getModulus().bitLength() + 7) / 8;
    }

    /** The most bytes one block encrypts under a modulus of {@code modulusBytes} (RFC 8017's limits). */
    public int maxInput(int modulusBytes) {
        return switch (padding) {
            case PKCS1 -> modulusBytes - 11;
            case OAEP -> modulusBytes - 2 * hash.newDigest().getDigestSize() - 2;
            case RAW -> modulusBytes;
        };
    }

    /** As the audit log records it, in KMU's words ({@code -m} and, for OAEP, the hash's {@code -t}). */
    public String describe() {
        return switch (padding) {
            case PKCS1 -> "-m RSA_PKCS";
            case OAEP -> "-m RSA_OAEP -t " + hash.code() + (label.length == 0 ? "" : " -label <" + label.length + " bytes>");
            case RAW -> "-m RSA_X_509";
        };
    }
}
