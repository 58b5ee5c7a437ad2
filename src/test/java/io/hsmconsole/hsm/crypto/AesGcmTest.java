package io.hsmconsole.hsm.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one AES-GCM every way in uses, judged by the GCM specification's own test case 2. */
class AesGcmTest {
    private static final byte[] KEY = new byte[16];
    private static final byte[] EXPECTED = Hex.decode("0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf");

    /** Draws zero IVs, so the specification's all-zero IV is the one the "HSM" chooses. */
    private static final SecureRandom ZEROS = new SecureRandom() {
        @Override
        public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    };

    @Test
    void sealsAsTheSpecificationsTestCaseAndHandsBackTheIv() {
        AesGcm.Sealed sealed = AesGcm.seal(KEY, 128, new byte[0], new byte[16], ZEROS);
        assertThat(sealed.iv()).isEqualTo(new byte[AesGcm.IV_BYTES]);
        assertThat(sealed.ciphertext()).isEqualTo(EXPECTED);
        assertThat(sealed.ivInFront()).hasSize(AesGcm.IV_BYTES + EXPECTED.length).endsWith(EXPECTED);
    }

    @Test
    void opensBothLayoutsAndRefusesATagThatDoesNotMatch() throws InvalidCipherTextException {
        AesGcm.Sealed sealed = AesGcm.seal(KEY, 96, "aad".getBytes(), "payload".getBytes(), new SecureRandom());
        assertThat(AesGcm.open(KEY, 96, sealed.iv(), "aad".getBytes(), sealed.ciphertext())).isEqualTo("payload".getBytes());
        assertThat(AesGcm.openIvInFront(KEY, 96, "aad".getBytes(), sealed.ivInFront())).isEqualTo("payload".getBytes());
        assertThatThrownBy(() -> AesGcm.open(KEY, 96, sealed.iv(), "other".getBytes(), sealed.ciphertext()))
                .isInstanceOf(InvalidCipherTextException.class);
        assertThatThrownBy(() -> AesGcm.openIvInFront(KEY, 96, new byte[0], new byte[AesGcm.IV_BYTES - 1]))
                .isInstanceOf(InvalidCipherTextException.class).hasMessageContaining("IV");
    }
}
