package io.hsmconsole.hsm.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018), the password check's work, computed two ways that give the same
 * bytes. Which is faster depends on the process:
 * <ul>
 * <li>{@link #BOUNCY_CASTLE}: a small pure-Java loop the JIT compiles within the first check, the
 * fastest in a fresh JVM — a command line logs in once and exits;</li>
 * <li>{@link #JDK}: the JDK's HmacSHA256, whose SHA-256 runs on the CPU's SHA instructions once
 * compiled: 2-3 times as fast in a warm JVM (3 ms against 8 ms for 10,000 iterations here), several
 * times slower in a cold one. The client daemon, which checks a password at every PKCS#11 C_Login and
 * every served {@code singlecmd}, uses it.</li>
 * </ul>
 */
public enum Pbkdf2 {
    BOUNCY_CASTLE {
        @Override
        byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
            PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
            gen.init(password, salt, iterations);
            return ((KeyParameter) gen.generateDerivedParameters(length * 8)).getKey();
        }
    },
    JDK {
        @Override
        byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
            if (password.length == 0) {
                // The JDK's key specs refuse an empty key; HMAC with an empty key is still defined.
                return BOUNCY_CASTLE.derive(password, salt, iterations, length);
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(password, "HmacSHA256"));
                int hLen = mac.getMacLength();
                byte[] out = new byte[length];
                byte[] u = new byte[hLen];
                byte[] t = new byte[hLen];
                for (int block = 1, at = 0; at < length; block++, at += hLen) {
                    mac.update(salt);
                    mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                    mac.doFinal(u, 0);
                    System.arraycopy(u, 0, t, 0, hLen);
                    for (int i = 1; i < iterations; i++) {
                        mac.update(u);
                        mac.doFinal(u, 0);
                        for (int k = 0; k < hLen; k++) {
                            t[k] ^= u[k];
                        }
                    }
                    System.arraycopy(t, 0, out, at, Math.min(hLen, length - at));
                }
                Arrays.fill(u, (byte) 0);
                Arrays.fill(t, (byte) 0);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is in every JDK", e);
            }
        }
    };

    private static volatile Pbkdf2 inThisProcess = BOUNCY_CASTLE;

    /** The derived key of {@code length} bytes. */
    abstract byte[] derive(byte[] password, byte[] salt, int iterations, int length);

    /** The engine password checks of this process use: {@link #BOUNCY_CASTLE} unless a long-running process chose. */
    public static Pbkdf2 inThisProcess() {
        return inThisProcess;
    }

    /** For a long-running process (the client daemon), before its first password check. */
    public static void useInThisProcess(Pbkdf2 engine) {
        inThisProcess = engine;
    }
}
