package io.hsmconsole.hsm.exchange;

import io.hsmconsole.hsm.crypto.AesGcm;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals the secrets of an exported cluster: AES-256-GCM under a key derived from the passphrase
 * with PBKDF2-HMAC-SHA256. Each value's place in the document is its associated data, so sealed
 * values cannot be moved between fields. A sealed constant checks the passphrase. The layout is
 * {@link AesGcm}'s IV-in-front one: 12-byte IV, then the ciphertext with its 16-byte tag.
 */
public final class DocumentCipher {
    public static final String KDF = "PBKDF2-HMAC-SHA256";
    public static final int ITERATIONS = 200_000;
    public static final int MIN_PASSPHRASE = 8;
    private static final byte[] CHECK = "hsm-key-console passphrase check".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    private DocumentCipher(byte[] key) {
        this.key = key;
    }

    public static DocumentCipher derive(char[] passphrase, byte[] salt, int iterations) {
        var buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] pw = new byte[buf.remaining()];
        buf.get(pw);
        try {
            PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
            gen.init(pw, salt, iterations);
            return new DocumentCipher(((KeyParameter) gen.generateDerivedParameters(256)).getKey());
        } finally {
            // Only now: the generator keeps a reference to the array until it has derived the key.
            Arrays.fill(pw, (byte) 0);
        }
    }

    public String check() {
        return seal("check", CHECK);
    }

    public boolean passphraseMatches(String sealedCheck) {
        try {
            return Arrays.equals(open("check", sealedCheck), CHECK);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            return false;
        }
    }

    public String seal(String place, byte[] plaintext) {
        return Base64.getEncoder().encodeToString(AesGcm.seal(key, TAG_BITS, aad(place), plaintext, random).ivInFront());
    }

    /** Opens a sealed value; fails when it was changed, moved, or sealed under another passphrase. */
    public byte[] open(String place, String sealed) throws InvalidCipherTextException {
        return AesGcm.openIvInFront(key, TAG_BITS, aad(place), Base64.getDecoder().decode(sealed));
    }

    private static byte[] aad(String place) {
        return place.getBytes(StandardCharsets.UTF_8);
    }
}
