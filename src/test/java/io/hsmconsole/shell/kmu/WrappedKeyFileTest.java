package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.property.Trials;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** wrapKey's binary file: the page's length, a faithful round trip, and no trust in any length it holds. */
class WrappedKeyFileTest {
    /** key_mgmt_util-wrapKey.md: genSymKey.md's 3DES key (3DES_shared, IT-02, ENCRYPT and DECRYPT) with -m 4. */
    private static final WrappedKey PAGE_KEY = new WrappedKey(new byte[40], WrapMechanism.AES_KEY_WRAP_PAD_PKCS5,
            new KeyTemplate(4, 21, Set.of(Attribute.ENCRYPT, Attribute.DECRYPT)), "3DES_shared", "IT-02", 24);

    @Test
    void thePagesThreeDesKeyWrapsToAFileOf307Bytes() {
        assertThat(WrappedKeyFile.write(PAGE_KEY, true)).hasSize(307);
        assertThat(WrappedKeyFile.write(PAGE_KEY, false)).as("-noheader: the ciphertext alone").hasSize(40);
    }

    @Test
    void theHeaderGivesBackWhatWasWritten() {
        WrappedKey key = new WrappedKey(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                21, 22, 23, 24}, WrapMechanism.NIST_AES_WRAP_NO_PAD, new KeyTemplate(4, 31, Set.of(Attribute.UNWRAP)),
                "étiquette", "", 16);
        Map.Entry<WrappedKeyFile.Header, byte[]> read = WrappedKeyFile.read(WrappedKeyFile.write(key, true)).orElseThrow();
        assertThat(read.getKey()).isEqualTo(new WrappedKeyFile.Header(5, key.template(), 16, "étiquette", ""));
        assertThat(read.getValue()).isEqualTo(key.ciphertext());
    }

    @Test
    void aTruncatedOrAlteredFileHasNoHeaderAndNeverThrows() {
        byte[] file = WrappedKeyFile.write(PAGE_KEY, true);
        for (int length = 0; length < file.length; length++) {
            assertThat(WrappedKeyFile.read(java.util.Arrays.copyOf(file, length))).as("cut to %d bytes", length).isEmpty();
        }
        int headerBytes = file.length - 40;
        Trials.run(2000, random -> {
            byte[] altered = file.clone();
            int at = random.nextInt(headerBytes);
            altered[at] ^= (byte) (1 + random.nextInt(255));
            Optional<Map.Entry<WrappedKeyFile.Header, byte[]>> read = WrappedKeyFile.read(altered);
            // A changed label, ID or mechanism byte still parses; a changed length or offset never does.
            read.ifPresent(r -> assertThat(r.getValue()).hasSize(40));
        });
    }
}
