package io.hsmconsole.hsm.exchange;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals the secrets of an exported cluster: AES-256-GCM under a key derived from the passphrase
 * with PBKDF2-HMAC-SHA256. Each value's place in the document is its associated data, so sealed
 * values cannot be moved between fields. A sealed constant checks the passphrase.
 */
public final class DocumentCipher {
    public static final String KDF = "PBKDF2-HMAC-SHA256";
    public static final int ITERATIONS = 200_000;
    public static final int MIN_PASSPHRASE = 8;
    private static final byte[] CHECK = "hsm-key-console passphrase check".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;

    private final KeyParameter key;
    private final SecureRandom random = new SecureRandom();

    private DocumentCipher(KeyParameter key) {
        this.key = key;
    }

    public static DocumentCipher derive(char[] passphrase, byte[] salt, int iterations) {
        var buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] pw = new byte[buf.remaining()];
        buf.get(pw);
        try {
            PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
            gen.init(pw, salt, iterations);
            return new DocumentCipher((KeyParameter) gen.generateDerivedParameters(256));
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
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, nonce, place);
        byte[] out = new byte[NONCE + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE);
        try {
            gcm.doFinal(out, NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(out);
    }

    /** Opens a sealed value; fails when it was changed, moved, or sealed under another passphrase. */
    public byte[] open(String place, String sealed) throws InvalidCipherTextException {
        byte[] in = Base64.getDecoder().decode(sealed);
        if (in.length < NONCE + 16) {
            throw new InvalidCipherTextException("sealed value too short");
        }
        GCMModeCipher gcm = gcm(false, Arrays.copyOf(in, NONCE), place);
        byte[] out = new byte[gcm.getOutputSize(in.length - NONCE)];
        int n = gcm.processBytes(in, NONCE, in.length - NONCE, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    private GCMModeCipher gcm(boolean encrypt, byte[] nonce, String place) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(key, 128, nonce, place.getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }
}
