package io.hsmconsole.hsm.crypto;

import io.hsmconsole.property.Trials;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both PBKDF2-HMAC-SHA256 engines give RFC 8018's bytes (the vectors are OpenSSL's {@code openssl kdf
 * … PBKDF2} output), the same bytes as each other for any password, salt, count and length, and a
 * password hash made with one verifies with the other: the daemon's choice changes only the speed.
 */
class Pbkdf2Test {

    @Test
    void bothEnginesGiveOpenSslsBytes() {
        byte[] rfc7914 = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        byte[] demo = HexFormat.of().parseHex("d43a455b16b2fe20ac3f6bae7c82db8ff372cef83593ecd8e1bb00dff90863daecc0ed0262557830");
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        for (Pbkdf2 engine : Pbkdf2.values()) {
            assertThat(engine.derive(ascii("passwd"), ascii("salt"), 1, 64)).as("%s, RFC 7914 section 11", engine)
                    .isEqualTo(rfc7914);
            assertThat(engine.derive(ascii("example_pwd"), salt, 10_000, 40)).as("%s, 10,000 iterations, 40 bytes", engine)
                    .isEqualTo(demo);
        }
    }

    @Test
    void theEnginesAgreeOnAnyInput() {
        Trials.run(200, random -> {
            byte[] password = new byte[random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100)];
            byte[] salt = new byte[random.nextInt(40)];
            for (byte[] b : new byte[][] {password, salt}) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
            }
            int iterations = 1 + random.nextInt(50);
            int length = 1 + random.nextInt(100);
            assertThat(Pbkdf2.JDK.derive(password, salt, iterations, length))
                    .isEqualTo(Pbkdf2.BOUNCY_CASTLE.derive(password, salt, iterations, length));
        });
    }

    @Test
    void aHashMadeWithOneEngineVerifiesWithTheOther() {
        Pbkdf2 before = Pbkdf2.inThisProcess();
        try {
            PasswordHasher hasher = new PasswordHasher(new SecureRandom());
            Pbkdf2.useInThisProcess(Pbkdf2.BOUNCY_CASTLE);
            String byBouncyCastle = hasher.hash("example_pwd".toCharArray());
            Pbkdf2.useInThisProcess(Pbkdf2.JDK);
            String byJdk = hasher.hash("example_pwd".toCharArray());
            assertThat(hasher.verify("example_pwd".toCharArray(), byBouncyCastle)).isTrue();
            assertThat(hasher.verify("example_pwd".toCharArray(), byJdk)).isTrue();
            assertThat(hasher.verify("example_pwe".toCharArray(), byBouncyCastle)).isFalse();
            assertThat(hasher.verify(new char[0], byBouncyCastle)).isFalse();
            Pbkdf2.useInThisProcess(Pbkdf2.BOUNCY_CASTLE);
            assertThat(hasher.verify("example_pwd".toCharArray(), byJdk)).isTrue();
        } finally {
            Pbkdf2.useInThisProcess(before);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
