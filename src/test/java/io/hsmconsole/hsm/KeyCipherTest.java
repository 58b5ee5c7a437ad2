package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.CipherMechanism;
import io.hsmconsole.hsm.key.CipherRequest;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HSM's encrypt / decrypt and AES-CMAC rules (KeyCipher) on published test vectors — NIST SP
 * 800-38A (CBC, CTR) and RFC 4493 (CMAC) with their key imported — and CloudHSM's AES-GCM rules: the
 * application may not choose the IV, the HSM's IV comes first, at most 16 KiB per call.
 */
class KeyCipherTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NIST_KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] NIST_PLAIN = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a");
    @TempDir
    Path dir;
    HsmCluster cluster;
    HsmSession user;
    long key;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
        user = TestClusters.login(cluster, "example_user");
        long wrapping = user.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
        key = user.transfers().importKey(NIST_KEY.clone(), wrapping, 31, KeyOptions.labelled("nist"), SyncObserver.NONE).value().handle();
        assertThat(user.setAttribute(key, Attribute.SIGN, 1, null).isSuccess()).isTrue();
        assertThat(user.setAttribute(key, Attribute.VERIFY, 1, null).isSuccess()).isTrue();
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private byte[] crypt(boolean encrypt, CipherRequest request, byte[] data) {
        HsmResult<byte[]> r = user.crypto().crypt(key, encrypt, request, data);
        assertThat(r.code()).as(request.mechanism().toString()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    @Test
    void cbcAndCtrGiveSp80038aVectors() {
        byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        assertThat(HEX.formatHex(crypt(true, CipherRequest.of(CipherMechanism.AES_CBC, iv), NIST_PLAIN)))
                .isEqualTo("7649abac8119b246cee98e9b12e9197d");
        byte[] counter = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
        assertThat(HEX.formatHex(crypt(true, CipherRequest.ctr(counter, 128), NIST_PLAIN)))
                .isEqualTo("874d6191b620e3261bef6864990db6ce");
        byte[] padded = crypt(true, CipherRequest.of(CipherMechanism.AES_CBC_PAD, iv), NIST_PLAIN);
        assertThat(padded).hasSize(32);
        assertThat(HEX.formatHex(padded)).startsWith("7649abac8119b246cee98e9b12e9197d");
        assertThat(crypt(false, CipherRequest.of(CipherMechanism.AES_CBC_PAD, iv), padded)).isEqualTo(NIST_PLAIN);
    }

    @Test
    void cmacGivesRfc4493Vectors() {
        assertThat(HEX.formatHex(user.crypto().cmacSign(key, new byte[0]).value())).isEqualTo("bb1d6929e95937287fa37d129b756746");
        assertThat(HEX.formatHex(user.crypto().cmacSign(key, NIST_PLAIN).value())).isEqualTo("070a16b46b4d4144f79bdd9dd04a287c");
        assertThat(user.crypto().cmacVerify(key, NIST_PLAIN, HEX.parseHex("070a16b46b4d4144f79bdd9dd04a287c")).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(user.crypto().cmacVerify(key, NIST_PLAIN, new byte[16]).code()).isEqualTo(ReturnCode.SIGNATURE_INVALID);
    }

    @Test
    void gcmTheHsmMakesTheIvAndTakesAtMost16KiB() {
        byte[] aad = {1, 2, 3};
        byte[] sealed = crypt(true, CipherRequest.gcm(new byte[12], aad, 128), NIST_PLAIN);
        assertThat(sealed).hasSize(12 + 16 + 16);
        byte[] iv = java.util.Arrays.copyOf(sealed, 12);
        byte[] body = java.util.Arrays.copyOfRange(sealed, 12, sealed.length);
        assertThat(crypt(false, CipherRequest.gcm(iv, aad, 128), body)).isEqualTo(NIST_PLAIN);
        assertThat(user.crypto().crypt(key, false, CipherRequest.gcm(iv, new byte[0], 128), body).code())
                .as("another AAD").isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
        assertThat(user.crypto().crypt(key, true, CipherRequest.gcm(iv, aad, 128), NIST_PLAIN).code())
                .as("an IV from the application").isEqualTo(ReturnCode.MECHANISM_PARAM_INVALID);
        assertThat(user.crypto().crypt(key, true, CipherRequest.gcm(new byte[12], aad, 64), NIST_PLAIN).code())
                .as("a 64-bit tag").isEqualTo(ReturnCode.MECHANISM_PARAM_INVALID);
        assertThat(user.crypto().crypt(key, true, CipherRequest.gcm(new byte[12], aad, 128), new byte[16 * 1024]).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(user.crypto().crypt(key, true, CipherRequest.gcm(new byte[12], aad, 128), new byte[16 * 1024 + 1]).code())
                .as("CloudHSM's 16 KB limit").isEqualTo(ReturnCode.DATA_LEN_INVALID);
    }

    @Test
    void modesRefuseWrongKeysParametersAndLengths() {
        byte[] iv = new byte[16];
        assertThat(user.crypto().crypt(key, true, CipherRequest.of(CipherMechanism.DES3_CBC, new byte[8]), new byte[8]).code())
                .as("a 3DES mode with an AES key").isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(user.crypto().crypt(key, true, CipherRequest.of(CipherMechanism.AES_CBC, new byte[8]), NIST_PLAIN).code())
                .isEqualTo(ReturnCode.MECHANISM_PARAM_INVALID);
        assertThat(user.crypto().crypt(key, true, CipherRequest.of(CipherMechanism.AES_CBC, iv), new byte[17]).code())
                .isEqualTo(ReturnCode.BLOCK_DATA_LEN_INVALID);
        assertThat(user.crypto().crypt(key, false, CipherRequest.of(CipherMechanism.AES_CBC_PAD, iv), new byte[16]).code())
                .as("bad padding").isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
        assertThat(user.setAttribute(key, Attribute.ENCRYPT, 0, null).isSuccess()).isTrue();
        assertThat(user.crypto().crypt(key, true, CipherRequest.of(CipherMechanism.AES_CBC, iv), NIST_PLAIN).code())
                .isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
        HsmSession other = TestClusters.login(cluster, "alice");
        assertThat(other.crypto().crypt(key, false, CipherRequest.of(CipherMechanism.AES_CBC, iv), NIST_PLAIN).code())
                .as("another user's key").isEqualTo(ReturnCode.INVALID_HANDLE);
    }
}
