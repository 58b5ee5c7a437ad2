package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.quorum.QuorumService;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** aesWrapUnwrap and HMAC sign/verify: the right key type, the attribute that permits the use, quorum. */
class KeyUseTest {
    private static final byte[] DATA = "sixteen byte msg".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    ManualClock clock = new ManualClock(TestClusters.START);
    HsmCluster cluster;
    HsmSession owner;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, clock);
        owner = TestClusters.login(cluster, "example_user");
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    private long key(GenSymKeyRequest request) {
        return owner.generateSymmetricKey(request).value().handle();
    }

    @Test
    void aesWrapMatchesTheJdksRfc3394AndUnwrapsBack() throws Exception {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes256"));
        HsmResult<byte[]> wrapped = owner.aesWrapUnwrap(aes, true, DATA, null);
        assertThat(wrapped.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(wrapped.value()).hasSize(24);

        long wrapping = key(GenSymKeyRequest.of(31, 32, "w"));
        byte[] material = owner.exportKey(aes, wrapping).value();
        Cipher jdk = Cipher.getInstance("AESWrap");
        jdk.init(Cipher.WRAP_MODE, new SecretKeySpec(material, "AES"));
        assertThat(wrapped.value()).as("the JDK's RFC 3394 wrap of the same bytes")
                .isEqualTo(jdk.wrap(new SecretKeySpec(DATA, "AES")));

        assertThat(owner.aesWrapUnwrap(aes, false, wrapped.value(), null).value()).isEqualTo(DATA);
    }

    @Test
    void aWrongIvOrTamperedDataFailsTheIntegrityCheck() {
        long aes = key(GenSymKeyRequest.of(31, 16, "aes128"));
        byte[] iv = Hex.decode("0102030405060708");
        byte[] wrapped = owner.aesWrapUnwrap(aes, true, DATA, iv).value();
        assertThat(owner.aesWrapUnwrap(aes, false, wrapped, iv).value()).isEqualTo(DATA);
        assertThat(owner.aesWrapUnwrap(aes, false, wrapped, null).code()).isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
        wrapped[3] ^= 1;
        assertThat(owner.aesWrapUnwrap(aes, false, wrapped, iv).code()).isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
    }

    @Test
    void wrapRefusesBadLengthsTheWrongKeyTypeAndAMissingAttribute() {
        long aes = key(GenSymKeyRequest.of(31, 16, "aes128"));
        assertThat(owner.aesWrapUnwrap(aes, true, new byte[15], null).code()).isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.aesWrapUnwrap(aes, true, new byte[8], null).code()).isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.aesWrapUnwrap(aes, true, DATA, new byte[7]).code()).isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.aesWrapUnwrap(aes, false, new byte[16], null).code()).isEqualTo(ReturnCode.DATA_LEN_INVALID);

        long des3 = key(GenSymKeyRequest.of(21, 24, "3des"));
        assertThat(owner.aesWrapUnwrap(des3, true, DATA, null).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);

        assertThat(owner.setAttribute(aes, Attribute.WRAP, 0, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
    }

    @Test
    void hmacFailsUntilSignAndVerifyAreSetThenMatchesTheJdk() throws Exception {
        long hmac = key(GenSymKeyRequest.of(16, 32, "hmac"));
        assertThat(owner.sign(hmac, SignMechanism.SHA256_HMAC, DATA).code()).isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);

        assertThat(owner.setAttribute(hmac, Attribute.SIGN, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        HsmResult<byte[]> signed = owner.sign(hmac, SignMechanism.SHA256_HMAC, DATA);
        assertThat(signed.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.verify(hmac, SignMechanism.SHA256_HMAC, DATA, signed.value()).code())
                .as("VERIFY is still 0").isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
        assertThat(owner.setAttribute(hmac, Attribute.VERIFY, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.verify(hmac, SignMechanism.SHA256_HMAC, DATA, signed.value()).code()).isEqualTo(ReturnCode.SUCCESS);

        byte[] other = DATA.clone();
        other[0] ^= 1;
        assertThat(owner.verify(hmac, SignMechanism.SHA256_HMAC, other, signed.value()).code())
                .isEqualTo(ReturnCode.SIGNATURE_INVALID);

        long wrapping = key(GenSymKeyRequest.of(31, 32, "w"));
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(owner.exportKey(hmac, wrapping).value(), "HmacSHA256"));
        assertThat(signed.value()).isEqualTo(jdk.doFinal(DATA));
        assertThat(owner.sign(hmac, SignMechanism.SHA512_HMAC, DATA).value()).hasSize(64);
    }

    @Test
    void onlyHmacMechanismsOnGenericSecretKeys() {
        long hmac = key(GenSymKeyRequest.of(16, 32, "hmac"));
        owner.setAttribute(hmac, Attribute.SIGN, 1, null);
        assertThat(owner.sign(hmac, SignMechanism.SHA256_RSA_PKCS, DATA).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
        long aes = key(GenSymKeyRequest.of(31, 32, "aes"));
        owner.setAttribute(aes, Attribute.SIGN, 1, null);
        assertThat(owner.sign(aes, SignMechanism.SHA256_HMAC, DATA).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
    }

    @Test
    void sharedUsersMayUseButOthersCannotSeeTheKey() {
        long aes = key(GenSymKeyRequest.of(31, 32, "shared").withShareWith(List.of(4)));
        HsmSession alice = TestClusters.login(cluster, "alice");
        assertThat(alice.aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.SUCCESS);
        HsmSession bob = TestClusters.login(cluster, "bob");
        assertThat(bob.aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void aQuorumKeyNeedsOneApprovedUseTokenPerUse() {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes-mV2").withMValue(2).withShareWith(List.of(6)));
        assertThat(owner.aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        int id = owner.getToken(QuorumService.USE_KEY, aes).value().id();
        owner.approveTokenWithPassword(id, "example_user", "example_pwd".toCharArray());
        owner.approveTokenWithPassword(id, "carol", "carol_pwd".toCharArray());
        assertThat(owner.aesWrapUnwrap(aes, true, new byte[15], null).code())
                .as("a refused use does not spend the token").isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void everyUseIsAuditedWithoutTheData() {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes"));
        owner.aesWrapUnwrap(aes, true, DATA, Hex.decode("0102030405060708"));
        String audit = auditText();
        assertThat(audit).contains("aesWrapUnwrap").doesNotContain("0102030405060708").doesNotContain("sixteen");
    }

    private String auditText() {
        cluster.auditLog().flush();
        return cluster.auditLog().records(0, 10_000).toString();
    }
}
