package io.hsmconsole.hsm.crypto;

import org.bouncycastle.util.Arrays;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, encoded {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}.
 * <p>
 * Why PBKDF2 and this cost: scripts log in on every {@code singlecmd}, so a password check runs in
 * a cold JVM and is part of the CLI's start-up time. Argon2id in BouncyCastle took 0.5-1.3 s on
 * its first run in a fresh JVM here (its code runs interpreted before the JIT catches up), while
 * PBKDF2's small loop is compiled within the first few thousand iterations. The iteration count is
 * chosen for the spec's 10-20 ms per check in the CLI's cold JVM (C1 only) on a 2-core machine:
 * 10,000 took 16-24 ms of CPU there at load 6-7, 40,000 took 48-61 ms (docs/security.md has the measurement).
 * BouncyCastle's digest is kept for that cold JVM: the JDK's {@code PBKDF2WithHmacSHA256} took 2-3 times
 * as long there; the client daemon, warm, checks with the JDK's HMAC instead ({@link Pbkdf2}: the same
 * bytes). Parameters travel with each hash, so hashes made with another count (40,000 before)
 * still verify, and the cost can be raised later without invalidating stored hashes.
 */
public final class PasswordHasher {
    public static final int ITERATIONS = 10_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random;

    public PasswordHasher(SecureRandom random) {
        this.random = random;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$" + SCHEME + "$i=" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Constant-time check of a password against an encoded hash; false for a malformed hash. */
    public boolean verify(char[] password, String encoded) {
        if (encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 5 || !parts[1].equals(SCHEME) || !parts[2].startsWith("i=")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[2].substring(2));
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            if (iterations < 1 || expected.length == 0) {
                return false;
            }
            return Arrays.constantTimeAreEqual(expected, derive(password, salt, iterations, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int length) {
        byte[] pw = utf8(password);
        try {
            return Pbkdf2.inThisProcess().derive(pw, salt, iterations, length);
        } finally {
            java.util.Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        var buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        if (buf.hasArray()) {
            java.util.Arrays.fill(buf.array(), (byte) 0);
        }
        return bytes;
    }
}
