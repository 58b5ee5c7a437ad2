package io.hsmconsole.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hsmconsole.hsm.key.CipherMechanism;
import io.hsmconsole.property.Trials;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/** The JDK's AES modes give what BouncyCastle's gave, both ways, for every key size and any data length a mode takes. */
class JdkAesModesTest {
    private static final CipherMechanism[] MODES = {CipherMechanism.AES_ECB, CipherMechanism.AES_CBC,
            CipherMechanism.AES_CBC_PAD, CipherMechanism.AES_CTR};

    @Test
    void sameCiphertextAndPlaintextAsBouncyCastle() {
        Trials.run(400, random -> {
            CipherMechanism mode = MODES[random.nextInt(MODES.length)];
            byte[] key = bytes(random, 16 + 8 * random.nextInt(3));
            byte[] iv = mode == CipherMechanism.AES_ECB ? null : bytes(random, 16);
            if (mode == CipherMechanism.AES_CTR && random.nextBoolean()) {
                java.util.Arrays.fill(iv, 8, 16, (byte) 0xff); // the counter carries over into the upper half
            }
            int blocks = 1 + random.nextInt(300);
            int length = mode.streams() || mode.padded() ? random.nextInt(blocks * 16) : blocks * 16;
            byte[] plain = bytes(random, length);
            String transformation = JdkAesModes.transformation(mode).orElseThrow();
            byte[] cipher = JdkAesModes.run(transformation, key, true, iv, plain);
            assertThat(cipher).as(mode + " encrypt").isEqualTo(bouncyCastle(mode, key, true, iv, plain));
            assertThat(JdkAesModes.run(transformation, key, false, iv, cipher)).as(mode + " decrypt").isEqualTo(plain);
        });
    }

    @Test
    void aWrongPaddingFailsAsBouncyCastlesDid() throws Exception {
        byte[] key = new byte[16];
        byte[] iv = new byte[16];
        byte[] notPadded = JdkAesModes.run("AES/CBC/NoPadding", key, true, iv, new byte[32]);
        assertThatThrownBy(() -> JdkAesModes.run("AES/CBC/PKCS5Padding", key, false, iv, notPadded))
                .isInstanceOf(InvalidCipherTextException.class);
        assertThatThrownBy(() -> bouncyCastle(CipherMechanism.AES_CBC_PAD, key, false, iv, notPadded))
                .isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void gcmAndTripleDesStayWithBouncyCastle() {
        assertThat(JdkAesModes.transformation(CipherMechanism.AES_GCM)).isEmpty();
        assertThat(JdkAesModes.transformation(CipherMechanism.DES3_CBC)).isEmpty();
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] bouncyCastle(CipherMechanism mode, byte[] key, boolean encrypt, byte[] iv, byte[] data)
            throws InvalidCipherTextException {
        BufferedBlockCipher cipher = switch (mode) {
            case AES_ECB -> new DefaultBufferedBlockCipher(AESEngine.newInstance());
            case AES_CBC -> new DefaultBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
            case AES_CBC_PAD -> new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()), new PKCS7Padding());
            case AES_CTR -> new DefaultBufferedBlockCipher(SICBlockCipher.newInstance(AESEngine.newInstance()));
            default -> throw new IllegalArgumentException(mode.toString());
        };
        cipher.init(encrypt, iv == null ? new KeyParameter(key) : new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[cipher.getOutputSize(data.length)];
        int n = cipher.processBytes(data, 0, data.length, out, 0);
        n += cipher.doFinal(out, n);
        return java.util.Arrays.copyOf(out, n);
    }
}
