package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.Kcv;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class KcvTest {
    @Test
    void aes128AllZeroKey() {
        assertThat(Kcv.format(Kcv.aes(new byte[16]))).isEqualTo("0x66e94b");
    }

    @Test
    void aes256AllZeroKey() {
        assertThat(Kcv.format(Kcv.aes(new byte[32]))).isEqualTo("0xdc95c0");
    }

    @Test
    void tripleDesVector() {
        byte[] key = HexFormat.of().parseHex("0123456789abcdef23456789abcdef01456789abcdef0123");
        assertThat(Kcv.format(Kcv.des3(key))).isEqualTo("0x4eba73");
    }

    @Test
    void parsesWithAndWithoutPrefix() {
        assertThat(Kcv.parse("0x66e94b")).containsExactly(0x66, 0xe9, 0x4b);
        assertThat(Kcv.parse("66E94B")).containsExactly(0x66, 0xe9, 0x4b);
        assertThat(Kcv.parse("0x66e9")).isNull();
        assertThat(Kcv.parse("zzzzzz")).isNull();
    }
}
