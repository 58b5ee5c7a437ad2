package io.hsmconsole.store.sealing;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM for key material at rest. The key handle is the associated data, so a blob moved
 * to another row fails authentication instead of silently becoming another key's material.
 * Layout: 12-byte nonce, then ciphertext with its 16-byte tag.
 */
public final class MaterialCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyParameter key;
    private final SecureRandom random;

    public MaterialCipher(byte[] masterKey, SecureRandom random) {
        this.key = new KeyParameter(masterKey);
        this.random = random;
    }

    public byte[] encrypt(long handle, byte[] plaintext) {
        return encrypt(handleAad(handle), plaintext);
    }

    public byte[] decrypt(long handle, byte[] blob) throws InvalidCipherTextException {
        return decrypt(handleAad(handle), blob);
    }

    private static byte[] handleAad(long handle) {
        return ByteBuffer.allocate(Long.BYTES).putLong(handle).array();
    }

    /** Encrypts with any associated data (e.g. an identity item's name), so blobs cannot be swapped. */
    public byte[] encrypt(byte[] aad, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher gcm = cipher(true, nonce, aad);
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return out;
    }

    public byte[] decrypt(byte[] aad, byte[] blob) throws InvalidCipherTextException {
        if (blob.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new InvalidCipherTextException("encrypted key material is truncated");
        }
        GCMModeCipher gcm = cipher(false, Arrays.copyOf(blob, NONCE_BYTES), aad);
        byte[] out = new byte[gcm.getOutputSize(blob.length - NONCE_BYTES)];
        int n = gcm.processBytes(blob, NONCE_BYTES, blob.length - NONCE_BYTES, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    private GCMModeCipher cipher(boolean encrypt, byte[] nonce, byte[] aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(key, TAG_BITS, nonce, aad));
        return gcm;
    }
}
