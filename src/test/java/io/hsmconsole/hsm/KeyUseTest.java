package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.hsm.quorum.QuorumService;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** aesWrapUnwrap and HMAC sign/verify: the right key type, the attribute that permits the use, quorum. */
class KeyUseTest extends DemoClusterTest {
    private static final byte[] DATA = "sixteen byte msg".getBytes(StandardCharsets.US_ASCII);

    private long key(GenSymKeyRequest request) {
        return owner.generateSymmetricKey(request).value().handle();
    }

    /**
     * PKCS #5 pads to 8-byte blocks (RFC 8018 6.1.1), which is what ki-all.md describes ("eight bytes of
     * padding data might be added to the end of your key data", for 16- and 32-byte AES keys too); the
     * JDK's AES/KW/PKCS5Padding pads to AES's 16 bytes instead, so the oracle pads by hand and uses the
     * JDK's unpadded RFC 3394 wrap.
     */
    @Test
    void aesWrapPadsWithPkcs5ToEightBytesThenIsTheJdksRfc3394AndUnwrapsBack() throws Exception {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes256"));
        long wrapping = key(GenSymKeyRequest.of(31, 32, "w"));
        byte[] material = owner.transfers().exportKey(aes, wrapping).value();
        Cipher jdk = Cipher.getInstance("AESWrap");
        jdk.init(Cipher.WRAP_MODE, new SecretKeySpec(material, "AES"));
        for (int length : new int[]{8, 16, 20, 24, 31, 32}) {
            byte[] data = Arrays.copyOf("a 3DES key file, or any 32 bytes".getBytes(StandardCharsets.US_ASCII), length);
            int pad = 8 - length % 8;
            byte[] padded = Arrays.copyOf(data, length + pad);
            Arrays.fill(padded, length, padded.length, (byte) pad);
            HsmResult<byte[]> wrapped = owner.crypto().aesWrapUnwrap(aes, true, data, null);
            assertThat(wrapped.code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(wrapped.value()).as("%d bytes pad to the next multiple of 8 (8 more when aligned),"
                    + " plus RFC 3394's 8", length).hasSize(length + pad + 8);
            assertThat(wrapped.value()).as("the JDK's RFC 3394 wrap of the %d bytes padded", length)
                    .isEqualTo(jdk.wrap(new SecretKeySpec(padded, "AES")));
            assertThat(owner.crypto().aesWrapUnwrap(aes, false, wrapped.value(), null).value()).isEqualTo(data);
        }
    }

    @Test
    void theAwsPagesThreeDesKeyFileWrapsToFortyBytes() {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes256"));
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, new byte[24], null).value())
                .as("key_mgmt_util-aesWrapUnwrap.md: a 24-byte 3DES key file prints 5 lines of 8 bytes").hasSize(40);
    }

    @Test
    void aWrongIvOrTamperedDataFailsTheIntegrityCheck() {
        long aes = key(GenSymKeyRequest.of(31, 16, "aes128"));
        byte[] iv = Hex.decode("0102030405060708");
        byte[] wrapped = owner.crypto().aesWrapUnwrap(aes, true, DATA, iv).value();
        assertThat(owner.crypto().aesWrapUnwrap(aes, false, wrapped, iv).value()).isEqualTo(DATA);
        assertThat(owner.crypto().aesWrapUnwrap(aes, false, wrapped, null).code()).isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
        wrapped[3] ^= 1;
        assertThat(owner.crypto().aesWrapUnwrap(aes, false, wrapped, iv).code()).isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
    }

    @Test
    void dataWrappedWithoutPaddingFailsTheUnwrapInsteadOfComingBackCut() throws Exception {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes256"));
        byte[] material = owner.transfers().exportKey(aes, key(GenSymKeyRequest.of(31, 32, "w"))).value();
        Cipher noPadding = Cipher.getInstance("AESWrap");
        noPadding.init(Cipher.WRAP_MODE, new SecretKeySpec(material, "AES"));
        byte[] unpadded = noPadding.wrap(new SecretKeySpec(DATA, "AES"));
        assertThat(owner.crypto().aesWrapUnwrap(aes, false, unpadded, null).code())
                .as("RFC 3394's check passes, the PKCS #5 padding does not").isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
    }

    @Test
    void wrapRefusesBadLengthsTheWrongKeyTypeAndAMissingAttribute() {
        long aes = key(GenSymKeyRequest.of(31, 16, "aes128"));
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, new byte[7], null).code())
                .as("7 bytes pad to one semiblock; RFC 3394 needs two").isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, new byte[0], null).code()).isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, DATA, new byte[7]).code()).isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.crypto().aesWrapUnwrap(aes, false, new byte[16], null).code()).isEqualTo(ReturnCode.DATA_LEN_INVALID);

        long des3 = key(GenSymKeyRequest.of(21, 24, "3des"));
        assertThat(owner.crypto().aesWrapUnwrap(des3, true, DATA, null).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);

        assertThat(owner.setAttribute(aes, Attribute.WRAP, 0, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
    }

    @Test
    void hmacFailsUntilSignAndVerifyAreSetThenMatchesTheJdk() throws Exception {
        long hmac = key(GenSymKeyRequest.of(16, 32, "hmac"));
        assertThat(owner.crypto().sign(hmac, SignMechanism.SHA256_HMAC, DATA).code()).isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);

        assertThat(owner.setAttribute(hmac, Attribute.SIGN, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        HsmResult<byte[]> signed = owner.crypto().sign(hmac, SignMechanism.SHA256_HMAC, DATA);
        assertThat(signed.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.crypto().verify(hmac, SignMechanism.SHA256_HMAC, DATA, signed.value()).code())
                .as("VERIFY is still 0").isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
        assertThat(owner.setAttribute(hmac, Attribute.VERIFY, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.crypto().verify(hmac, SignMechanism.SHA256_HMAC, DATA, signed.value()).code()).isEqualTo(ReturnCode.SUCCESS);

        byte[] other = DATA.clone();
        other[0] ^= 1;
        assertThat(owner.crypto().verify(hmac, SignMechanism.SHA256_HMAC, other, signed.value()).code())
                .isEqualTo(ReturnCode.SIGNATURE_INVALID);

        long wrapping = key(GenSymKeyRequest.of(31, 32, "w"));
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(owner.transfers().exportKey(hmac, wrapping).value(), "HmacSHA256"));
        assertThat(signed.value()).isEqualTo(jdk.doFinal(DATA));
        assertThat(owner.crypto().sign(hmac, SignMechanism.SHA512_HMAC, DATA).value()).hasSize(64);
    }

    @Test
    void onlyHmacMechanismsOnGenericSecretKeys() {
        long hmac = key(GenSymKeyRequest.of(16, 32, "hmac"));
        owner.setAttribute(hmac, Attribute.SIGN, 1, null);
        assertThat(owner.crypto().sign(hmac, SignMechanism.SHA256_RSA_PKCS, DATA).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
        long aes = key(GenSymKeyRequest.of(31, 32, "aes"));
        owner.setAttribute(aes, Attribute.SIGN, 1, null);
        assertThat(owner.crypto().sign(aes, SignMechanism.SHA256_HMAC, DATA).code()).isEqualTo(ReturnCode.MECHANISM_INVALID);
    }

    @Test
    void sharedUsersMayUseButOthersCannotSeeTheKey() {
        long aes = key(GenSymKeyRequest.of(31, 32, "shared").withShareWith(List.of(4)));
        HsmSession alice = TestClusters.login(cluster, "alice");
        assertThat(alice.crypto().aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.SUCCESS);
        HsmSession bob = TestClusters.login(cluster, "bob");
        assertThat(bob.crypto().aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.INVALID_HANDLE);
    }

    @Test
    void aQuorumKeyNeedsOneApprovedUseTokenPerUse() {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes-mV2").withMValue(2).withShareWith(List.of(6)));
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
        int id = owner.quorumTokens().getToken(QuorumService.USE_KEY, aes).value().id();
        owner.quorumTokens().approveTokenWithPassword(id, "example_user", "example_pwd".toCharArray());
        owner.quorumTokens().approveTokenWithPassword(id, "carol", "carol_pwd".toCharArray());
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, new byte[7], null).code())
                .as("a refused use does not spend the token").isEqualTo(ReturnCode.DATA_LEN_INVALID);
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.crypto().aesWrapUnwrap(aes, true, DATA, null).code()).isEqualTo(ReturnCode.QUORUM_REQUIRED);
    }

    @Test
    void everyUseIsAuditedWithoutTheData() {
        long aes = key(GenSymKeyRequest.of(31, 32, "aes"));
        owner.crypto().aesWrapUnwrap(aes, true, DATA, Hex.decode("0102030405060708"));
        String audit = auditText();
        assertThat(audit).contains("aesWrapUnwrap").doesNotContain("0102030405060708").doesNotContain("sixteen");
    }

    private String auditText() {
        cluster.auditLog().flush();
        return cluster.auditLog().records(0, 10_000).toString();
    }
}
