package io.hsmconsole.hsm.exchange;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An exported cluster's sealed values, judged by the JDK's own PBKDF2 and AES-GCM: the layout (12-byte IV,
 * ciphertext, 16-byte tag; the value's place as associated data) is what documents written by earlier
 * versions hold, so they still open, and what this version writes the JDK opens.
 */
class DocumentCipherTest {
    private static final char[] PASSPHRASE = "correct horse".toCharArray();
    private static final byte[] SALT = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
    private static final int ITERATIONS = 1_000;
    private static final byte[] SECRET = "the key's material".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatTheJdkSealsInTheDocumentLayoutOpensAndTheOtherWayRound() throws Exception {
        DocumentCipher cipher = DocumentCipher.derive(PASSPHRASE.clone(), SALT, ITERATIONS);
        assertThat(cipher.open("keys/6", jdk(Cipher.ENCRYPT_MODE, "keys/6", SECRET))).isEqualTo(SECRET);
        String sealed = cipher.seal("keys/6", SECRET);
        assertThat(jdkOpen("keys/6", sealed)).isEqualTo(SECRET);
    }

    @Test
    void aValueMovedToAnotherPlaceOrUnderAnotherPassphraseDoesNotOpen() {
        DocumentCipher cipher = DocumentCipher.derive(PASSPHRASE.clone(), SALT, ITERATIONS);
        String sealed = cipher.seal("keys/6", SECRET);
        assertThatThrownBy(() -> cipher.open("keys/7", sealed)).isInstanceOf(InvalidCipherTextException.class);
        DocumentCipher other = DocumentCipher.derive("another passphrase".toCharArray(), SALT, ITERATIONS);
        assertThat(other.passphraseMatches(cipher.check())).isFalse();
        assertThat(cipher.passphraseMatches(cipher.check())).isTrue();
        assertThatThrownBy(() -> cipher.open("keys/6", Base64.getEncoder().encodeToString(new byte[20])))
                .as("shorter than IV and tag").isInstanceOf(InvalidCipherTextException.class);
    }

    private static String jdk(int mode, String place, byte[] data) throws Exception {
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key(), new GCMParameterSpec(128, iv));
        c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
        byte[] body = c.doFinal(data);
        byte[] out = Arrays.copyOf(iv, iv.length + body.length);
        System.arraycopy(body, 0, out, iv.length, body.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static byte[] jdkOpen(String place, String sealed) throws Exception {
        byte[] in = Base64.getDecoder().decode(sealed);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, 12));
        c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
        return c.doFinal(in, 12, in.length - 12);
    }

    private static SecretKeySpec key() throws Exception {
        byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSPHRASE.clone(), SALT, ITERATIONS, 256)).getEncoded();
        return new SecretKeySpec(k, "AES");
    }
}
