package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.CipherMechanism;
import org.bouncycastle.crypto.InvalidCipherTextException;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in ECB, CBC, CBC with PKCS #7 padding and CTR through the JDK's provider, which the JVM runs on
 * the CPU's AES instructions: about ten times BouncyCastle's table-driven engine on a 4 KiB message
 * (docs/performance.md, "AES-CBC"). It computes what BouncyCastle's modes compute (JdkAesModesTest):
 * CTR counts through the whole 16-byte block, and PKCS5Padding on a 16-byte block is PKCS #7.
 */
final class JdkAesModes {
    /**
     * One Cipher per transformation and thread, initialised again for each use: looking the provider up
     * (Cipher.getInstance) cost more than encrypting 4 KiB. A PKCS#11 connection is one thread.
     */
    private static final ThreadLocal<Map<String, Cipher>> CIPHERS = ThreadLocal.withInitial(HashMap::new);

    private JdkAesModes() {
    }

    /** The JDK transformation of an AES mode this class runs; empty for the others (GCM, 3DES). */
    static Optional<String> transformation(CipherMechanism mode) {
        return Optional.ofNullable(switch (mode) {
            case AES_ECB -> "AES/ECB/NoPadding";
            case AES_CBC -> "AES/CBC/NoPadding";
            case AES_CBC_PAD -> "AES/CBC/PKCS5Padding";
            case AES_CTR -> "AES/CTR/NoPadding";
            default -> null;
        });
    }

    /**
     * Encrypts or decrypts {@code data} whose length the mode's rules have already let through; a
     * padded decryption whose padding is wrong fails as BouncyCastle's does.
     */
    static byte[] run(String transformation, byte[] key, boolean encrypt, byte[] iv, byte[] data)
            throws InvalidCipherTextException {
        try {
            Cipher cipher = cipher(transformation);
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            int direction = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
            if (iv == null) {
                cipher.init(direction, spec);
            } else {
                cipher.init(direction, spec, new IvParameterSpec(iv));
            }
            return cipher.doFinal(data);
        } catch (BadPaddingException e) {
            CIPHERS.get().remove(transformation); // a failed doFinal leaves nothing behind, but start clean
            throw new InvalidCipherTextException("pad block corrupted", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK runs " + transformation + " with a checked key and IV", e);
        }
    }

    private static Cipher cipher(String transformation) throws GeneralSecurityException {
        Map<String, Cipher> mine = CIPHERS.get();
        Cipher cipher = mine.get(transformation);
        if (cipher == null) {
            cipher = Cipher.getInstance(transformation);
            mine.put(transformation, cipher);
        }
        return cipher;
    }
}
