package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.WrappedKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTransferTest extends DemoClusterTest {
    long wrapping;

    @BeforeEach
    void open() {
        wrapping = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "wrapper")).value().handle();
    }

    private String kcv(HsmSession s, long h) {
        return String.format("0x%06x", s.attributes(h).value().get(Attribute.KCV).orElseThrow().number());
    }

    @Test
    void exportGivesThePlaintextWhoseKcvMatches() {
        long des = owner.generateSymmetricKey(GenSymKeyRequest.of(21, 24, "3DES")).value().handle();
        byte[] plain = owner.transfers().exportKey(des, wrapping).value();
        assertThat(plain).hasSize(24);
        assertThat(Kcv.format(Kcv.des3(plain))).isEqualTo(kcv(owner, des));
    }

    @Test
    void exportRules() {
        long nex = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "nex").withNonExtractable(true)).value().handle();
        assertThat(owner.transfers().exportKey(nex, wrapping).code()).isEqualTo(ReturnCode.KEY_NOT_EXTRACTABLE);
        assertThat(owner.transfers().wrapKey(nex, wrapping, 6).code()).isEqualTo(ReturnCode.KEY_NOT_EXTRACTABLE);
        long shared = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "s").withShareWith(List.of(4))).value().handle();
        HsmSession alice = TestClusters.login(cluster, "alice");
        long aliceWrapper = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "w")).value().handle();
        assertThat(alice.transfers().exportKey(shared, aliceWrapper).code()).isEqualTo(ReturnCode.KEY_ACCESS_DENIED);
        long des = owner.generateSymmetricKey(GenSymKeyRequest.of(21, 24, "notAes")).value().handle();
        assertThat(owner.transfers().exportKey(shared, des).code()).isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        owner.setAttribute(wrapping, Attribute.WRAP, 0, null);
        assertThat(owner.transfers().exportKey(shared, wrapping).code()).isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        assertThat(owner.transfers().exportKey(shared, 123_456).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void wrapThenUnwrapMakesTheSameKeyAsImported() {
        long k = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 24, "orig").withId("orig-id")).value().handle();
        for (int mechanism : new int[]{4, 5, 6}) {
            WrappedKey w = owner.transfers().wrapKey(k, wrapping, mechanism).value();
            assertThat(w.label()).isEqualTo("orig");
            long copy = owner.transfers().unwrapKey(w.ciphertext(), wrapping, mechanism, w.template(),
                    KeyOptions.labelled("copy" + mechanism), SyncObserver.NONE).value().handle();
            assertThat(kcv(owner, copy)).isEqualTo(kcv(owner, k));
            assertThat(owner.attributes(copy).value().get(Attribute.LOCAL).orElseThrow().number()).isZero();
        }
        assertThat(owner.transfers().wrapKey(k, wrapping, 9).code()).as("NIST_TDEA_WRAP: dropped from the pages").isEqualTo(ReturnCode.WRAP_MECHANISM_UNSUPPORTED);
        byte[] garbage = new byte[40];
        assertThat(owner.transfers().unwrapKey(garbage, wrapping, 6, KeyTemplate.secret(31), KeyOptions.labelled("x"),
                SyncObserver.NONE).code()).isEqualTo(ReturnCode.WRAPPED_DATA_INVALID);
    }

    @Test
    void importMakesALocalZeroKeyWithTheRightKcv() {
        byte[] zero = new byte[16];
        long h = owner.transfers().importKey(zero.clone(), wrapping, 31, KeyOptions.labelled("imported"), SyncObserver.NONE).value().handle();
        assertThat(kcv(owner, h)).isEqualTo("0x66e94b");
        assertThat(owner.attributes(h).value().get(Attribute.LOCAL).orElseThrow().number()).isZero();
        byte[] des = HexFormat.of().parseHex("0123456789abcdef23456789abcdef01456789abcdef0123");
        long d = owner.transfers().importKey(des, wrapping, 21, KeyOptions.labelled("des"), SyncObserver.NONE).value().handle();
        assertThat(kcv(owner, d)).isEqualTo("0x4eba73");
        assertThat(owner.transfers().importKey(new byte[20], wrapping, 31, KeyOptions.labelled("bad"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.INVALID_KEY_SIZE);
    }

    @Test
    void keyMaterialIsNeverStoredInClear() throws Exception {
        long h = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "secret")).value().handle();
        byte[] plain = owner.transfers().exportKey(h, wrapping).value();
        cluster.close();
        String hex = HexFormat.of().formatHex(plain);
        for (Path f : java.nio.file.Files.list(dir.resolve("clusters/demo")).toList()) {
            String content = HexFormat.of().formatHex(java.nio.file.Files.readAllBytes(f));
            assertThat(content).as(f.toString()).doesNotContain(hex);
        }
    }

    /** wrapKey's header carries ENCRYPT, DECRYPT, WRAP and UNWRAP; unWrapKey gives them back (not the type's defaults). */
    @Test
    void unwrapGivesTheKeyTheUsageItWasWrappedWith() {
        long aes = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "no-wrap")).value().handle();
        assertThat(owner.setAttribute(aes, Attribute.WRAP, 0, null).code()).isEqualTo(ReturnCode.SUCCESS);
        WrappedKey wrapped = owner.transfers().wrapKey(aes, wrapping, 4).value();
        assertThat(wrapped.template().usage()).containsExactlyInAnyOrder(Attribute.ENCRYPT, Attribute.DECRYPT,
                Attribute.UNWRAP);
        long back = owner.transfers().unwrapKey(wrapped.ciphertext(), wrapping, 4, wrapped.template(), KeyOptions.labelled("back"),
                SyncObserver.NONE).value().handle();
        assertThat(owner.attributes(back).value().get(Attribute.WRAP).orElseThrow().number()).isZero();
        assertThat(owner.attributes(back).value().get(Attribute.UNWRAP).orElseThrow().number()).isEqualTo(1);
        long defaults = owner.transfers().unwrapKey(wrapped.ciphertext(), wrapping, 4, KeyTemplate.secret(31),
                KeyOptions.labelled("defaults"), SyncObserver.NONE).value().handle();
        assertThat(owner.attributes(defaults).value().get(Attribute.WRAP).orElseThrow().number())
                .as("-noheader: the type's defaults").isEqualTo(1);
    }

    @Test
    void imSymKeyTakesThreeDesAndAesOnlyAndWkMustBeTheSameKey() {
        byte[] kek = new byte[32];
        long kekHandle = owner.transfers().importKey(kek.clone(), wrapping, 31, KeyOptions.labelled("kek"), SyncObserver.NONE)
                .value().handle();
        assertThat(owner.transfers().importKey(new byte[32], wrapping, 16, KeyOptions.labelled("generic"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.INVALID_KEY_TYPE);
        byte[] onHost = io.hsmconsole.hsm.crypto.AesKeyWrap.wrap(kek, io.hsmconsole.hsm.key.WrapMechanism.AES_KEY_WRAP_PAD_PKCS5,
                new byte[16]);
        assertThat(owner.transfers().importWrappedKey(onHost, kekHandle, 31, KeyOptions.labelled("same"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.transfers().importWrappedKey(onHost, wrapping, 31, KeyOptions.labelled("other"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.WRAPPED_DATA_INVALID);
        assertThat(owner.transfers().importWrappedKey(onHost, kekHandle, 16, KeyOptions.labelled("generic"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.INVALID_KEY_TYPE);
    }
}
