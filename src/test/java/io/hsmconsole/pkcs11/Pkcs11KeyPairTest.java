package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C_GenerateKeyPair, the pair's attributes, C_FindObjects by class and C_Sign / C_Verify with RSA and
 * ECDSA through the wire, on the demo cluster (latencies 50/150/250 ms) with the key availability
 * check on, as Client SDK 5's library runs.
 */
class Pkcs11KeyPairTest {
    private static final String PIN = "example_user:example_pwd";
    private static final byte[] P256 = HexFormat.of().parseHex("06082a8648ce3d030107");
    /** secp224r1's OID, 1.3.132.0.33. */
    private static final byte[] P224 = HexFormat.of().parseHex("06052b81040021");
    private static final long CKM_SHA256 = 0x250;
    private static final long CKG_MGF1_SHA256 = 2;
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);
    HsmCluster cluster;
    RpcTestClient app;
    long s;

    private void start() throws MalformedMessage {
        cluster = TestClusters.demoWithLatencies(dir, clock);
        app = new RpcTestClient(new Pkcs11Connection(cluster, KeyAvailabilityCheck.ENABLED));
        s = app.openLoggedInSession(PIN);
    }

    @AfterEach
    void close() {
        app.connection.close();
        cluster.close();
    }

    private RpcTestClient.Answer generate(long mechanism, String label, boolean token, byte[] ecParams, long modulusBits) {
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKeyPair).ulong(s).u32(mechanism).byteArray(null);
        boolean rsa = mechanism == Ck.CKM_RSA_PKCS_KEY_PAIR_GEN || mechanism == Ck.CKM_RSA_X9_31_KEY_PAIR_GEN;
        w.u32((rsa ? 4 : 3) - (label == null ? 1 : 0));
        RpcTestClient.bool(w, Ck.CKA_TOKEN, token);
        if (label != null) { // null: the template names no CKA_LABEL
            RpcTestClient.bytes(w, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        }
        if (rsa) {
            RpcTestClient.number(w, Ck.CKA_MODULUS_BITS, modulusBits);
            RpcTestClient.bytes(w, Ck.CKA_PUBLIC_EXPONENT, new byte[] {1, 0, 1});
        } else {
            RpcTestClient.bytes(w, Ck.CKA_EC_PARAMS, ecParams);
        }
        w.u32(2);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, token);
        RpcTestClient.bool(w, Ck.CKA_SIGN, true);
        return app.send(w);
    }

    private long[] pair(RpcTestClient.Answer a) throws MalformedMessage {
        RpcReader r = a.ok();
        return new long[] {r.ulong(), r.ulong()};
    }

    private long signInit(long mechanism, long[] pss, long key) {
        return app.send(parameters(RpcTestClient.request(RpcCall.C_SignInit).ulong(s).u32(mechanism), pss).ulong(key)).rv();
    }

    /** A mechanism's parameter as p11-kit writes it: none as an empty byte array, PSS's as three ulongs. */
    private static RpcWriter parameters(RpcWriter w, long[] pss) {
        if (pss == null) {
            return w.byteArray(null);
        }
        for (long v : pss) {
            w.ulong(v);
        }
        return w;
    }

    private static byte[] signature(RpcTestClient.Answer a) throws MalformedMessage {
        RpcReader r = a.ok();
        assertEquals(1, r.byteValue());
        return r.byteArray();
    }

    private RpcTestClient.Answer sign(byte[] data) {
        return app.send(RpcTestClient.request(RpcCall.C_Sign).ulong(s).presentByteArray(data).u32(4096));
    }

    private long verify(long mechanism, long[] pss, long key, byte[] data, byte[] signature) {
        long rv = app.send(parameters(RpcTestClient.request(RpcCall.C_VerifyInit).ulong(s).u32(mechanism), pss).ulong(key)).rv();
        assertEquals(Ck.CKR_OK, rv);
        return app.send(RpcTestClient.request(RpcCall.C_Verify).ulong(s).presentByteArray(data).presentByteArray(signature)).rv();
    }

    private KeyObjectView view(long handle) {
        return KeyObjectView.of(login().attributes(handle).value());
    }

    private HsmSession login() {
        return TestClusters.login(cluster, "example_user");
    }

    private List<Long> findByClass(long keyClass) throws MalformedMessage {
        RpcWriter init = RpcTestClient.request(RpcCall.C_FindObjectsInit).ulong(s).u32(1);
        RpcTestClient.number(init, Ck.CKA_CLASS, keyClass);
        return app.find(s, init);
    }

    @Test
    void anEcPairIsMadeOnTwoHsmsShowsItsCurveAndPointAndIsFoundByClass() throws Exception {
        start();
        long[] handles = pair(generate(Ck.CKM_EC_KEY_PAIR_GEN, "ec-app", true, P256, 0));
        KeyObjectView pub = view(handles[0]);
        assertEquals(Ck.CKO_PUBLIC_KEY, pub.get(Ck.CKA_CLASS).orElseThrow().number());
        assertEquals(Ck.CKK_EC, pub.get(Ck.CKA_KEY_TYPE).orElseThrow().number());
        assertArrayEquals(P256, pub.get(Ck.CKA_EC_PARAMS).orElseThrow().bytes());
        byte[] point = pub.get(Ck.CKA_EC_POINT).orElseThrow().bytes();
        assertEquals(67, point.length, "DER OCTET STRING (2 bytes) around 04 || X || Y (65 bytes)");
        assertEquals("044104", HexFormat.of().formatHex(point, 0, 3));
        assertEquals(Ck.CKO_PRIVATE_KEY, view(handles[1]).get(Ck.CKA_CLASS).orElseThrow().number());
        assertEquals(List.of(handles[0]), findByClass(Ck.CKO_PUBLIC_KEY).stream().filter(h -> h == handles[0]).toList());
        assertEquals(List.of(handles[1]), findByClass(Ck.CKO_PRIVATE_KEY));
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_ECDSA_SHA256, null, handles[1]), "C_GenerateKeyPair returned once two HSMs held it");
    }

    /**
     * AWS's own sample (aws-cloudhsm-pkcs11-examples, generate.c) makes its RSA pair with
     * CKM_RSA_X9_31_KEY_PAIR_GEN and its EC pairs with templates that name no CKA_LABEL: PKCS#11's default
     * label is empty, and CloudHSM makes them.
     */
    @Test
    void pairsWithoutALabelAndX931RsaPairsAreMadeAsAwsSamplesMakeThem() throws Exception {
        start();
        long[] ec = pair(generate(Ck.CKM_EC_KEY_PAIR_GEN, null, true, P256, 0));
        assertEquals(0, view(ec[1]).get(Ck.CKA_LABEL).orElseThrow().bytes().length, "PKCS#11's default label: empty");
        assertEquals(0, view(ec[0]).get(Ck.CKA_LABEL).orElseThrow().bytes().length);
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_ECDSA_SHA256, null, ec[1]), "a token pair, on two HSMs");
        assertEquals(Ck.CKR_OK, sign("data".getBytes(StandardCharsets.UTF_8)).rv());
        assertTrue(findByClass(Ck.CKO_PRIVATE_KEY).contains(ec[1]));

        long[] rsa = pair(generate(Ck.CKM_RSA_X9_31_KEY_PAIR_GEN, null, false, null, 2048));
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_SHA256_RSA_PKCS, null, rsa[1]));
        assertEquals(Ck.CKR_OK, sign("data".getBytes(StandardCharsets.UTF_8)).rv());
        assertEquals(Ck.CKR_ATTRIBUTE_VALUE_INVALID, generate(Ck.CKM_EC_KEY_PAIR_GEN, "with space", false, P256, 0).rv(),
                "a label given is still the simulator's: no spaces");
    }

    @Test
    void aTokenPairThatCannotReachTwoHsmsIsNotMade() throws MalformedMessage {
        start();
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        assertEquals(Ck.CKR_FUNCTION_FAILED, generate(Ck.CKM_EC_KEY_PAIR_GEN, "doomed", true, P256, 0).rv());
        assertTrue(login().findKeys(KeyQuery.byLabel("doomed")).value().isEmpty(), "neither half left behind");
        long[] session = pair(generate(Ck.CKM_EC_KEY_PAIR_GEN, "eph", false, P256, 0));
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_ECDSA, null, session[1]), "session keys live on one HSM by design");
    }

    @Test
    void theSimulatorsRulesAnswerInCkrTerms() throws MalformedMessage {
        start();
        assertEquals(Ck.CKR_KEY_SIZE_RANGE, generate(Ck.CKM_RSA_PKCS_KEY_PAIR_GEN, "odd", false, null, 1000).rv());
        assertEquals(Ck.CKR_DOMAIN_PARAMS_INVALID, generate(Ck.CKM_EC_KEY_PAIR_GEN, "bad", false,
                HexFormat.of().parseHex("06052b81040022ff"), 0).rv());
        long[] ec = pair(generate(Ck.CKM_EC_KEY_PAIR_GEN, "ec", false, P256, 0));
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_SHA256_RSA_PKCS, null, ec[1]));
        assertEquals(Ck.CKR_KEY_TYPE_INCONSISTENT, sign("data".getBytes(StandardCharsets.UTF_8)).rv(), "RSA mechanism, EC key");
        long[] wrongHash = pssParameters(0x260, CKG_MGF1_SHA256, 32); // SHA-384 in a SHA256-RSA-PKCS-PSS parameter
        assertEquals(Ck.CKR_MECHANISM_PARAM_INVALID, signInit(Ck.CKM_SHA256_RSA_PKCS_PSS, wrongHash, ec[1]));
    }

    private static long[] pssParameters(long hash, long mgf, long salt) {
        return new long[] {hash, mgf, salt};
    }

    @Test
    void rsaSignaturesAreWhatTheJdkExpects() throws Exception {
        start();
        long[] rsa = pair(generate(Ck.CKM_RSA_PKCS_KEY_PAIR_GEN, "rsa", true, null, 2048));
        byte[] data = "Pay 100 to carol".getBytes(StandardCharsets.UTF_8);
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_SHA256_RSA_PKCS, null, rsa[1]));
        byte[] hashed = signature(sign(data));
        // CKM_RSA_PKCS over the DigestInfo the caller built is the same signature (PKCS#1 v1.5 is deterministic)
        byte[] digestInfo = concat(HexFormat.of().parseHex("3031300d060960864801650304020105000420"),
                MessageDigest.getInstance("SHA-256").digest(data));
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_RSA_PKCS, null, rsa[1]));
        assertArrayEquals(hashed, signature(sign(digestInfo)));
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_RSA_PKCS, null, rsa[1]));
        assertEquals(Ck.CKR_DATA_LEN_RANGE, sign(new byte[246]).rv(), "more than the modulus less 11 bytes");

        java.security.PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(login().pairs().exportPublicKey(rsa[0]).value()));
        Signature jdk = Signature.getInstance("SHA256withRSA");
        jdk.initVerify(pub);
        jdk.update(data);
        assertTrue(jdk.verify(hashed));

        long[] pss = pssParameters(CKM_SHA256, CKG_MGF1_SHA256, 32);
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_SHA256_RSA_PKCS_PSS, pss, rsa[1]));
        byte[] pssSignature = signature(sign(data));
        Signature jdkPss = Signature.getInstance("RSASSA-PSS");
        jdkPss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        jdkPss.initVerify(pub);
        jdkPss.update(data);
        assertTrue(jdkPss.verify(pssSignature));
        assertEquals(Ck.CKR_OK, verify(Ck.CKM_SHA256_RSA_PKCS_PSS, pss, rsa[0], data, pssSignature));
        assertEquals(Ck.CKR_SIGNATURE_INVALID, verify(Ck.CKM_SHA256_RSA_PKCS_PSS, pss, rsa[0],
                "Pay 900 to carol".getBytes(StandardCharsets.UTF_8), pssSignature));
    }

    @Test
    void ecdsaSignaturesAreRAndSAsPkcs11Says() throws Exception {
        start();
        long[] ec = pair(generate(Ck.CKM_EC_KEY_PAIR_GEN, "ec", true, P256, 0));
        byte[] data = "Pay 100 to carol".getBytes(StandardCharsets.UTF_8);
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_ECDSA, null, ec[1]));
        byte[] raw = signature(sign(MessageDigest.getInstance("SHA-256").digest(data)));
        assertEquals(64, raw.length, "r || s, 32 bytes each");
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(login().pairs().exportPublicKey(ec[0]).value())));
        jdk.update(data);
        assertTrue(jdk.verify(raw), "the JDK accepts the raw ECDSA signature over SHA-256 of the data");
        assertEquals(Ck.CKR_OK, verify(Ck.CKM_ECDSA_SHA256, null, ec[0], data, raw), "CKM_ECDSA_SHA256 hashes the same way");
    }

    /** pkcs11-key-types.md: SDK 5 generates EC keys with "the P-224, P-256, P-384, and P-521 curves". */
    @Test
    void aP224PairIsMadeAndItsSignatureVerifies() throws Exception {
        start();
        long[] ec = pair(generate(Ck.CKM_EC_KEY_PAIR_GEN, "ec224", true, P224, 0));
        assertArrayEquals(P224, view(ec[0]).get(Ck.CKA_EC_PARAMS).orElseThrow().bytes());
        byte[] point = view(ec[0]).get(Ck.CKA_EC_POINT).orElseThrow().bytes();
        assertEquals(59, point.length, "DER OCTET STRING (2 bytes) around 04 || X || Y (57 bytes)");
        byte[] data = "Pay 224 to dave".getBytes(StandardCharsets.UTF_8);
        assertEquals(Ck.CKR_OK, signInit(Ck.CKM_ECDSA_SHA256, null, ec[1]));
        byte[] raw = signature(sign(data));
        assertEquals(56, raw.length, "r || s, 28 bytes each");
        // This JDK's SunEC has no P-224: BouncyCastle's signer judges (OpenSSL does in KeyPairOpensslTest).
        org.bouncycastle.crypto.signers.ECDSASigner bc = new org.bouncycastle.crypto.signers.ECDSASigner();
        bc.init(false, org.bouncycastle.crypto.util.PublicKeyFactory.createKey(login().pairs().exportPublicKey(ec[0]).value()));
        java.math.BigInteger r = new java.math.BigInteger(1, java.util.Arrays.copyOf(raw, 28));
        java.math.BigInteger sPart = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(raw, 28, 56));
        assertTrue(bc.verifySignature(MessageDigest.getInstance("SHA-256").digest(data), r, sPart), "the P-224 signature verifies");
    }

    /**
     * pkcs11-attributes.md's GenerateKeyPair table lists CKA_DESTROYABLE for every pair half (default True)
     * without the "set only to the default" mark CKA_PRIVATE and CKA_MODIFIABLE carry: a private half made
     * with CKA_DESTROYABLE false reads false and cannot be destroyed, while its public half can.
     */
    @Test
    void aPrivateHalfMadeNotDestroyableCannotBeDestroyed() throws Exception {
        start();
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKeyPair).ulong(s).u32(Ck.CKM_EC_KEY_PAIR_GEN).byteArray(null);
        w.u32(3);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        RpcTestClient.bytes(w, Ck.CKA_EC_PARAMS, P256);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, "ec-kept".getBytes(StandardCharsets.UTF_8));
        w.u32(3);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        RpcTestClient.bool(w, Ck.CKA_SIGN, true);
        RpcTestClient.bytes(w, Ck.CKA_DESTROYABLE, new byte[] {0}); // p11-kit 0.24.1 carries it as bytes
        long[] ec = pair(app.send(w));
        assertEquals(0, view(ec[1]).get(Ck.CKA_DESTROYABLE).orElseThrow().number());
        assertEquals(Ck.CKR_ACTION_PROHIBITED, app.send(RpcTestClient.request(RpcCall.C_DestroyObject).ulong(s).ulong(ec[1])).rv());
        assertEquals(Ck.CKR_OK, app.send(RpcTestClient.request(RpcCall.C_DestroyObject).ulong(s).ulong(ec[0])).rv());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
