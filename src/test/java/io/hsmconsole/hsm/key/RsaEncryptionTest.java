package io.hsmconsole.hsm.key;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RSA encryption lives once, here: the simulator's encrypt/decrypt, wrap and unwrap all run one block
 * through {@link RsaEncryption}. Raw RSA (CKM_RSA_X_509) is where the edges are: a modulus-long input
 * below the modulus encrypts, and a decryption keeps its leading zero bytes.
 */
class RsaEncryptionTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static AsymmetricCipherKeyPair pair;

    @BeforeAll
    static void key() {
        RSAKeyPairGenerator g = new RSAKeyPairGenerator();
        g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), RANDOM, 1024, 80));
        pair = g.generateKeyPair();
    }

    @Test
    void rawRsaTakesAModulusLongInputAndGivesItBackWithItsLeadingZeros() throws InvalidCipherTextException {
        byte[] plain = new byte[128];
        Arrays.fill(plain, 2, plain.length, (byte) 0x5a); // two leading zero bytes: below any 1024-bit modulus
        byte[] sealed = RsaEncryption.raw().encrypt(pair.getPublic(), RANDOM, plain);
        assertThat(sealed).hasSize(128);
        assertThat(RsaEncryption.raw().decrypt(pair.getPrivate(), sealed)).isEqualTo(plain);
    }

    @Test
    void inputTheModulusCannotHoldIsRefused() {
        byte[] tooLong = new byte[129];
        assertThatThrownBy(() -> RsaEncryption.raw().encrypt(pair.getPublic(), RANDOM, tooLong))
                .isInstanceOf(InvalidCipherTextException.class);
        byte[] notBelow = new byte[128];
        Arrays.fill(notBelow, (byte) 0xff);
        assertThatThrownBy(() -> RsaEncryption.raw().encrypt(pair.getPublic(), RANDOM, notBelow))
                .isInstanceOf(DataLengthException.class);
        assertThatThrownBy(() -> RsaEncryption.pkcs1().encrypt(pair.getPublic(), RANDOM, new byte[128 - 10]))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void eachPaddingRoundTrips() throws InvalidCipherTextException {
        byte[] message = "wrap me".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (RsaEncryption scheme : new RsaEncryption[] {RsaEncryption.pkcs1(), RsaEncryption.oaep(OaepHash.SHA1, new byte[] {1})}) {
            byte[] sealed = scheme.encrypt(pair.getPublic(), RANDOM, message);
            assertThat(sealed).hasSize(RsaEncryption.modulusBytes(pair.getPublic()));
            assertThat(scheme.decrypt(pair.getPrivate(), sealed)).as(scheme.describe()).isEqualTo(message);
        }
    }
}
