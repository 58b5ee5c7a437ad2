package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.EcdhDerivation;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.OaepHash;
import io.hsmconsole.hsm.key.RsaEncryption;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSA encryption, RSA key wrapping and ECDH derivation in the simulator, with the JDK as the outside
 * judge: what the JDK encrypts to the HSM's public key the HSM decrypts (PKCS#1 v1.5, OAEP with each
 * hash and a label), what the HSM wraps its private key unwraps to the same key, and an ECDH key the
 * HSM derives equals the JDK's agreement with the other half.
 */
class PairCipherTest extends DemoClusterTest {
    private static final byte[] MESSAGE = "Pay 100 to carol".getBytes(StandardCharsets.US_ASCII);

    private GeneratedPair pair(KeyPairRequest request) {
        HsmResult<GeneratedPair> r = owner.pairs().generateKeyPair(request, SyncObserver.NONE);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    private GeneratedPair rsa() {
        return pair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537), KeyOptions.labelled("rsa")));
    }

    private PublicKey publicKey(long handle, String algorithm) throws Exception {
        byte[] der = owner.pairs().exportPublicKey(handle).value();
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    }

    private byte[] decrypt(long key, RsaEncryption scheme, byte[] data) {
        HsmResult<byte[]> r = owner.crypto().rsaCrypt(key, false, scheme, data);
        assertThat(r.code()).isEqualTo(ReturnCode.SUCCESS);
        return r.value();
    }

    @Test
    void whatTheJdkEncryptsToThePublicKeyThePrivateKeyDecrypts() throws Exception {
        GeneratedPair p = rsa();
        PublicKey pub = publicKey(p.publicHandle(), "RSA");
        Cipher pkcs1 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        pkcs1.init(Cipher.ENCRYPT_MODE, pub);
        assertThat(decrypt(p.privateHandle(), RsaEncryption.pkcs1(), pkcs1.doFinal(MESSAGE))).isEqualTo(MESSAGE);

        String[][] hashes = {{"SHA-1", "SHA1"}, {"SHA-224", "SHA224"}, {"SHA-256", "SHA256"}, {"SHA-384", "SHA384"},
                {"SHA-512", "SHA512"}};
        for (String[] h : hashes) {
            byte[] label = ("label " + h[0]).getBytes(StandardCharsets.US_ASCII);
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.ENCRYPT_MODE, pub, new OAEPParameterSpec(h[0], "MGF1", new MGF1ParameterSpec(h[0]),
                    new PSource.PSpecified(label)));
            RsaEncryption scheme = RsaEncryption.oaep(OaepHash.valueOf(h[1]), label);
            assertThat(decrypt(p.privateHandle(), scheme, oaep.doFinal(MESSAGE))).as(h[0]).isEqualTo(MESSAGE);
        }
    }

    @Test
    void whatThePublicKeyEncryptsThePrivateKeyDecryptsWithEachPadding() {
        GeneratedPair p = rsa();
        for (RsaEncryption scheme : new RsaEncryption[] {RsaEncryption.pkcs1(), RsaEncryption.oaep(OaepHash.SHA256, null),
                RsaEncryption.raw()}) {
            byte[] plain = scheme.padding() == RsaEncryption.Padding.RAW ? Arrays.copyOf(MESSAGE, 256) : MESSAGE;
            if (scheme.padding() == RsaEncryption.Padding.RAW) {
                plain[0] = 0; // below the modulus; the answer keeps the leading zero
            }
            HsmResult<byte[]> sealed = owner.crypto().rsaCrypt(p.publicHandle(), true, scheme, plain);
            assertThat(sealed.code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(sealed.value()).hasSize(256);
            assertThat(decrypt(p.privateHandle(), scheme, sealed.value())).as(scheme.describe()).isEqualTo(plain);
        }
    }

    @Test
    void theRulesOfRsaEncryption() {
        GeneratedPair p = rsa();
        assertThat(owner.crypto().rsaCrypt(p.publicHandle(), true, RsaEncryption.pkcs1(), new byte[246]).code())
                .as("2048-bit PKCS#1 v1.5 takes at most 245 bytes").isEqualTo(ReturnCode.RSA_DATA_LEN_INVALID);
        assertThat(owner.crypto().rsaCrypt(p.publicHandle(), true, RsaEncryption.oaep(OaepHash.SHA256, null), new byte[191]).code())
                .as("OAEP-SHA256 takes at most 256 - 64 - 2 = 190 bytes").isEqualTo(ReturnCode.RSA_DATA_LEN_INVALID);
        assertThat(owner.crypto().rsaCrypt(p.publicHandle(), true, RsaEncryption.oaep(OaepHash.SHA256, null), new byte[190]).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.crypto().rsaCrypt(p.privateHandle(), false, RsaEncryption.pkcs1(), new byte[255]).code())
                .as("a ciphertext is the modulus long").isEqualTo(ReturnCode.RSA_DATA_LEN_INVALID);
        assertThat(owner.crypto().rsaCrypt(p.privateHandle(), false, RsaEncryption.pkcs1(), new byte[256]).code())
                .as("zeros are no PKCS#1 block").isEqualTo(ReturnCode.ENCRYPTED_DATA_INVALID);
        assertThat(owner.crypto().rsaCrypt(p.publicHandle(), false, RsaEncryption.pkcs1(), new byte[256]).code())
                .as("a public key does not decrypt").isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().rsaCrypt(p.privateHandle(), true, RsaEncryption.pkcs1(), MESSAGE).code())
                .as("the private key has no OBJ_ATTR_ENCRYPT").isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
        assertThat(owner.setAttribute(p.privateHandle(), Attribute.DECRYPT, 0, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.crypto().rsaCrypt(p.privateHandle(), false, RsaEncryption.pkcs1(), new byte[256]).code())
                .isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
        GeneratedPair ec = pair(KeyPairRequest.ec(2, KeyOptions.labelled("ec")));
        assertThat(owner.crypto().rsaCrypt(ec.publicHandle(), true, RsaEncryption.pkcs1(), MESSAGE).code())
                .isEqualTo(ReturnCode.MECHANISM_INVALID);
        assertThat(owner.crypto().rsaCryptLength(p.publicHandle(), true).value()).isEqualTo(256);
    }

    @Test
    void aKeyWrappedUnderThePublicKeyUnwrapsWithThePrivateKeyAsTheSameKey() throws Exception {
        GeneratedPair p = rsa();
        assertThat(owner.setAttribute(p.publicHandle(), Attribute.WRAP, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        long aes = owner.generateSymmetricKey(GenSymKeyRequest.of(KeyType.AES.code(), 32, "data-key")).value().handle();
        for (RsaEncryption scheme : new RsaEncryption[] {RsaEncryption.oaep(OaepHash.SHA256, null), RsaEncryption.pkcs1()}) {
            HsmResult<byte[]> wrapped = owner.pairs().wrapKeyRsa(aes, p.publicHandle(), scheme);
            assertThat(wrapped.code()).isEqualTo(ReturnCode.SUCCESS);
            HsmResult<GeneratedKey> back = owner.pairs().unwrapKeyRsa(wrapped.value(), p.privateHandle(), scheme,
                    KeyTemplate.secret(KeyType.AES.code()), KeyOptions.labelled("unwrapped"), SyncObserver.NONE);
            assertThat(back.code()).isEqualTo(ReturnCode.SUCCESS);
            byte[] plain = decrypt(p.privateHandle(), scheme, wrapped.value());
            assertThat(plain).as("the wrapped bytes are the key's value").hasSize(32);
            assertThat(owner.crypto().cmacSign(back.value().handle(), MESSAGE).value())
                    .isEqualTo(owner.crypto().cmacSign(aes, MESSAGE).value());
        }
        assertThat(owner.pairs().wrapKeyRsa(aes, p.privateHandle(), RsaEncryption.pkcs1()).code())
                .as("the private key has no OBJ_ATTR_WRAP").isEqualTo(ReturnCode.WRAPPING_KEY_INVALID);
        assertThat(owner.pairs().wrapKeyRsa(p.privateHandle(), p.publicHandle(), RsaEncryption.pkcs1()).code())
                .as("a private key is no secret key").isEqualTo(ReturnCode.KEY_CLASS_INVALID);
        assertThat(owner.pairs().unwrapKeyRsa(new byte[256], p.privateHandle(), RsaEncryption.pkcs1(),
                KeyTemplate.secret(KeyType.AES.code()), KeyOptions.labelled("junk"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.WRAPPED_DATA_INVALID);
    }

    @Test
    void anEcdhKeyIsTheJdksAgreementWithTheOtherHalf() throws Exception {
        GeneratedPair p = pair(KeyPairRequest.ec(2, KeyOptions.labelled("ecdh"))); // curve 2: P-256
        assertThat(owner.setAttribute(p.privateHandle(), Attribute.DERIVE, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair peer = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(peer.getPrivate());
        agreement.doPhase(publicKey(p.publicHandle(), "EC"), true);
        byte[] z = agreement.generateSecret();

        byte[] point = uncompressed((ECPublicKey) peer.getPublic());
        HsmResult<GeneratedKey> derived = owner.pairs().deriveKey(p.privateHandle(),
                new EcdhDerivation(EcdhDerivation.Kdf.NULL, null, point), KeyType.AES.code(), 32,
                KeyOptions.labelled("shared"), SyncObserver.NONE);
        assertThat(derived.code()).isEqualTo(ReturnCode.SUCCESS);
        long key = derived.value().handle();
        assertThat(owner.setAttribute(key, Attribute.SIGN, 1, null).code()).isEqualTo(ReturnCode.SUCCESS);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("AESCMAC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        mac.init(new SecretKeySpec(z, "AES"));
        assertThat(owner.crypto().cmacSign(key, MESSAGE).value()).as("the derived key is Z").isEqualTo(mac.doFinal(MESSAGE));

        assertThat(owner.pairs().deriveKey(p.privateHandle(), new EcdhDerivation(EcdhDerivation.Kdf.NULL, null, new byte[65]),
                KeyType.AES.code(), 32, KeyOptions.labelled("bad"), SyncObserver.NONE).code())
                .as("not a point on the curve").isEqualTo(ReturnCode.DERIVE_PARAM_INVALID);
        assertThat(owner.pairs().deriveKey(p.publicHandle(), new EcdhDerivation(EcdhDerivation.Kdf.NULL, null, point),
                KeyType.AES.code(), 32, KeyOptions.labelled("pub"), SyncObserver.NONE).code())
                .as("a public key does not derive").isEqualTo(ReturnCode.MECHANISM_INVALID);
        HsmResult<GeneratedKey> hashed = owner.pairs().deriveKey(p.privateHandle(),
                new EcdhDerivation(EcdhDerivation.Kdf.SHA256, "info".getBytes(StandardCharsets.US_ASCII), point),
                KeyType.GENERIC_SECRET.code(), 48, KeyOptions.labelled("kdf"), SyncObserver.NONE);
        assertThat(hashed.code()).as("X9.63's KDF makes any length").isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.setAttribute(p.privateHandle(), Attribute.DERIVE, 0, null).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(owner.pairs().deriveKey(p.privateHandle(), new EcdhDerivation(EcdhDerivation.Kdf.NULL, null, point),
                KeyType.AES.code(), 32, KeyOptions.labelled("nope"), SyncObserver.NONE).code())
                .isEqualTo(ReturnCode.KEY_FUNCTION_NOT_PERMITTED);
    }

    private static byte[] uncompressed(ECPublicKey key) {
        byte[] x = fixed(key.getW().getAffineX());
        byte[] y = fixed(key.getW().getAffineY());
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(x, 0, out, 1, 32);
        System.arraycopy(y, 0, out, 33, 32);
        return out;
    }

    private static byte[] fixed(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, 32 - len, len);
        return out;
    }
}
