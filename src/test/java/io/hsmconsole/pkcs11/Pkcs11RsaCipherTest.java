package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RSA encryption, RSA key wrapping and ECDH derivation through the wire, as p11-kit's clients encode
 * them: CK_RSA_PKCS_OAEP_PARAMS as three ulongs and a byte array, the wrapped key of C_UnwrapKey with
 * its presence byte, CK_ECDH1_DERIVE_PARAMS as a ulong and two byte arrays. Token keys with the key
 * availability check off (Pkcs11KeyAvailabilityTest judges that), so a second login reads their attributes.
 */
class Pkcs11RsaCipherTest extends LoggedInWireTest {
    private static final byte[] P256 = HexFormat.of().parseHex("06082a8648ce3d030107");
    private static final byte[] MESSAGE = "Pay 100 to carol".getBytes(StandardCharsets.US_ASCII);
    private static final long CKM_SHA256 = 0x250;
    private static final long CKG_MGF1_SHA1 = 1;
    private static final long CKG_MGF1_SHA256 = 2;
    /** A session pair: RSA-2048 (public ENCRYPT and WRAP, private DECRYPT and UNWRAP) or P-256 (private DERIVE). */
    private long[] pair(boolean rsa) throws MalformedMessage {
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKeyPair).ulong(s)
                .u32(rsa ? Ck.CKM_RSA_PKCS_KEY_PAIR_GEN : Ck.CKM_EC_KEY_PAIR_GEN).byteArray(null);
        w.u32(rsa ? 5 : 3);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, "pair".getBytes(StandardCharsets.UTF_8));
        if (rsa) {
            RpcTestClient.number(w, Ck.CKA_MODULUS_BITS, 2048);
            RpcTestClient.bool(w, Ck.CKA_ENCRYPT, true);
            RpcTestClient.bool(w, Ck.CKA_WRAP, true);
        } else {
            RpcTestClient.bytes(w, Ck.CKA_EC_PARAMS, P256);
        }
        w.u32(rsa ? 3 : 2);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        if (rsa) {
            RpcTestClient.bool(w, Ck.CKA_DECRYPT, true);
            RpcTestClient.bool(w, Ck.CKA_UNWRAP, true);
        } else {
            RpcTestClient.bool(w, Ck.CKA_DERIVE, true);
        }
        RpcReader r = app.send(w).ok();
        return new long[] {r.ulong(), r.ulong()};
    }

    private static RpcWriter oaep(RpcWriter w, long hash, long mgf) {
        return w.u32(Ck.CKM_RSA_PKCS_OAEP).ulong(hash).ulong(mgf).ulong(1).byteArray(null);
    }

    private byte[] crypt(RpcCall init, RpcCall call, long key, byte[] data) throws MalformedMessage {
        assertEquals(Ck.CKR_OK, app.send(oaep(RpcTestClient.request(init).ulong(s), CKM_SHA256, CKG_MGF1_SHA256).ulong(key)).rv());
        RpcReader size = app.send(RpcTestClient.request(call).ulong(s).presentByteArray(data).u32(0)).ok();
        assertEquals(0, size.byteValue(), "a length query answers the length only");
        assertEquals(256, size.u32(), "the modulus length");
        RpcReader r = app.send(RpcTestClient.request(call).ulong(s).presentByteArray(data).u32(256)).ok();
        assertEquals(1, r.byteValue());
        return r.byteArray();
    }

    @Test
    void oaepEncryptsWithThePublicKeyAndDecryptsWithThePrivateKeyAfterALengthQuery() throws Exception {
        long[] rsa = pair(true);
        byte[] sealed = crypt(RpcCall.C_EncryptInit, RpcCall.C_Encrypt, rsa[0], MESSAGE);
        assertEquals(256, sealed.length);
        assertArrayEquals(MESSAGE, crypt(RpcCall.C_DecryptInit, RpcCall.C_Decrypt, rsa[1], sealed));

        assertEquals(Ck.CKR_MECHANISM_PARAM_INVALID, app.send(oaep(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(s),
                CKM_SHA256, CKG_MGF1_SHA1).ulong(rsa[0])).rv(), "CloudHSM pairs each hash with MGF1 over the same hash");
        assertEquals(Ck.CKR_OK, app.send(RpcTestClient.request(RpcCall.C_DecryptInit).ulong(s).u32(Ck.CKM_RSA_PKCS)
                .byteArray(null).ulong(rsa[1])).rv());
        assertEquals(Ck.CKR_MECHANISM_INVALID, app.send(RpcTestClient.request(RpcCall.C_DecryptUpdate).ulong(s)
                .presentByteArray(sealed).u32(256)).rv(), "RSA is single-part only");
        assertEquals(Ck.CKR_OK, app.send(RpcTestClient.request(RpcCall.C_DecryptInit).ulong(s).u32(Ck.CKM_RSA_PKCS)
                .byteArray(null).ulong(rsa[1])).rv());
        assertEquals(Ck.CKR_ENCRYPTED_DATA_LEN_RANGE, app.send(RpcTestClient.request(RpcCall.C_Decrypt).ulong(s)
                .presentByteArray(new byte[255]).u32(256)).rv());
        assertEquals(1, KeyObjectView.of(TestClusters.login(cluster, "example_user").attributes(rsa[0]).value())
                .get(Ck.CKA_PRIVATE).orElseThrow().number(), "CKA_PRIVATE is true on a public key too");
    }

    @Test
    void anAesKeyWrapsUnderThePublicKeyAndUnwrapsWithThePrivateKey() throws Exception {
        long[] rsa = pair(true);
        RpcTestClient.Answer made = app.generateAes(s, 32, "data-key", true);
        long aes = made.ok().ulong();
        RpcReader w = app.send(oaep(RpcTestClient.request(RpcCall.C_WrapKey).ulong(s), CKM_SHA256, CKG_MGF1_SHA256)
                .ulong(rsa[0]).ulong(aes).u32(512)).ok();
        assertEquals(1, w.byteValue());
        byte[] wrapped = w.byteArray();
        assertEquals(256, wrapped.length);

        RpcWriter unwrap = oaep(RpcTestClient.request(RpcCall.C_UnwrapKey).ulong(s), CKM_SHA256, CKG_MGF1_SHA256)
                .ulong(rsa[1]).presentByteArray(wrapped).u32(4);
        RpcTestClient.bool(unwrap, Ck.CKA_TOKEN, true);
        RpcTestClient.number(unwrap, Ck.CKA_CLASS, Ck.CKO_SECRET_KEY);
        RpcTestClient.number(unwrap, Ck.CKA_KEY_TYPE, Ck.CKK_AES);
        RpcTestClient.bytes(unwrap, Ck.CKA_LABEL, "copy".getBytes(StandardCharsets.UTF_8));
        long copy = app.send(unwrap).ok().ulong();
        byte[] kcv = KeyObjectView.of(TestClusters.login(cluster, "example_user").attributes(aes).value())
                .get(Ck.CKA_CHECK_VALUE).orElseThrow().bytes();
        assertArrayEquals(kcv, KeyObjectView.of(TestClusters.login(cluster, "example_user").attributes(copy).value())
                .get(Ck.CKA_CHECK_VALUE).orElseThrow().bytes(), "the same key (its KCV)");
        assertEquals(Ck.CKR_KEY_NOT_WRAPPABLE, app.send(RpcTestClient.request(RpcCall.C_WrapKey).ulong(s).u32(Ck.CKM_RSA_PKCS)
                .byteArray(null).ulong(rsa[0]).ulong(rsa[1]).u32(512)).rv(), "a private key is no secret key");
    }

    @Test
    void ecdhParametersAreReadAsP11KitWritesThem() throws Exception {
        long[] ec = pair(false);
        RpcWriter bad = RpcTestClient.request(RpcCall.C_DeriveKey).ulong(s).u32(Ck.CKM_ECDH1_DERIVE)
                .ulong(1).byteArray(null).byteArray(new byte[65]).ulong(ec[1]).u32(3);
        RpcTestClient.number(bad, Ck.CKA_KEY_TYPE, Ck.CKK_AES);
        RpcTestClient.number(bad, Ck.CKA_VALUE_LEN, 32);
        RpcTestClient.bytes(bad, Ck.CKA_LABEL, "dh".getBytes(StandardCharsets.UTF_8));
        assertEquals(Ck.CKR_MECHANISM_PARAM_INVALID, app.send(bad).rv(), "zeros are no point on P-256");

        byte[] point = KeyObjectView.of(TestClusters.login(cluster, "example_user").attributes(ec[0]).value())
                .get(Ck.CKA_EC_POINT).orElseThrow().bytes(); // its own public point, in a DER OCTET STRING
        RpcWriter self = RpcTestClient.request(RpcCall.C_DeriveKey).ulong(s).u32(Ck.CKM_ECDH1_DERIVE)
                .ulong(6).byteArray("info".getBytes(StandardCharsets.US_ASCII)).byteArray(point).ulong(ec[1]).u32(3);
        RpcTestClient.number(self, Ck.CKA_KEY_TYPE, Ck.CKK_GENERIC_SECRET);
        RpcTestClient.number(self, Ck.CKA_VALUE_LEN, 48);
        RpcTestClient.bytes(self, Ck.CKA_LABEL, "dh".getBytes(StandardCharsets.UTF_8));
        assertEquals(Ck.CKR_OK, app.send(self).rv(), "X9.63 KDF with SHA-256 and shared info");

        RpcWriter unknownKdf = RpcTestClient.request(RpcCall.C_DeriveKey).ulong(s).u32(Ck.CKM_ECDH1_DERIVE)
                .ulong(99).byteArray(null).byteArray(point).ulong(ec[1]).u32(1);
        RpcTestClient.number(unknownKdf, Ck.CKA_KEY_TYPE, Ck.CKK_AES);
        assertEquals(Ck.CKR_MECHANISM_PARAM_INVALID, app.send(unknownKdf).rv());
    }
}
