package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import io.hsmconsole.store.AuditRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CloudHSM's PKCS#11 semantics, call by call, through the wire encoding, against the demo cluster. */
class Pkcs11ConnectionTest extends ConnectionFixture {
    private List<AuditRecord> auditRecords() {
        cluster.auditLog().flush();
        return cluster.auditLog().records(0, 10_000);
    }

    @Test
    void callsBeforeInitializeAreRefused() {
        assertEquals(Ck.CKR_CRYPTOKI_NOT_INITIALIZED, app.send(RpcTestClient.request(RpcCall.C_GetInfo)).rv());
        assertEquals(Ck.CKR_OK, app.initialize());
        assertEquals(Ck.CKR_OK, app.send(RpcTestClient.request(RpcCall.C_GetInfo)).rv());
    }

    @Test
    void oneSlotPerCluster() throws MalformedMessage {
        app.initialize();
        RpcReader in = app.send(RpcTestClient.request(RpcCall.C_GetSlotList).byteValue(1).u32(16)).ok();
        assertEquals(1, in.byteValue());
        assertEquals(1, in.u32());
        assertEquals(Pkcs11Connection.SLOT_ID, in.ulong());
        assertEquals(Ck.CKR_SLOT_ID_INVALID, app.send(RpcTestClient.request(RpcCall.C_GetTokenInfo).ulong(1)).rv());
    }

    @Test
    void wrongPinIsRefusedCountsTowardsLockoutAndIsAudited() throws MalformedMessage {
        app.initialize();
        long s = app.openSession();
        for (int i = 0; i < 5; i++) {
            assertEquals(Ck.CKR_PIN_INCORRECT, app.login(s, Ck.CKU_USER, "example_user:wrong_pwd"));
        }
        assertEquals(Ck.CKR_PIN_LOCKED, app.login(s, Ck.CKU_USER, PIN), "the sixth try meets the shells' lockout");
        List<AuditRecord> audit = auditRecords();
        assertTrue(audit.stream().filter(r -> r.command().equals("loginHSM")).count() >= 6);
    }

    @Test
    void officersAreRefused() throws MalformedMessage {
        app.initialize();
        long s = app.openSession();
        assertEquals(Ck.CKR_PIN_INCORRECT, app.login(s, Ck.CKU_USER, "officer1:officer1_pwd"));
        assertEquals(Ck.CKR_USER_TYPE_INVALID, app.login(s, Ck.CKU_SO, "officer1:officer1_pwd"));
        assertEquals(Ck.CKR_PIN_INCORRECT, app.login(s, Ck.CKU_USER, "no-colon-here"));
        assertEquals(Ck.CKR_OK, app.login(s, Ck.CKU_USER, PIN));
        assertEquals(Ck.CKR_USER_ALREADY_LOGGED_IN, app.login(s, Ck.CKU_USER, PIN));
    }

    @Test
    void aGeneratedTokenKeyIsTheSimulatorsKeyForTheShells() throws MalformedMessage {
        app.initialize();
        long s = app.openSession();
        assertEquals(Ck.CKR_OK, app.login(s, Ck.CKU_USER, PIN));
        long handle = app.generateAes(s, 32, "app-key", true).ok().ulong();
        HsmSession kmu = TestClusters.login(cluster, "example_user");
        assertEquals(List.of(handle), kmu.findKeys(KeyQuery.byLabel("app-key")).value());
        assertTrue(auditRecords().stream().anyMatch(r -> r.command().equals("genSymKey")));
        HsmSession alice = TestClusters.login(cluster, "alice");
        assertFalse(alice.attributes(handle).isSuccess(), "another crypto user does not see it");
    }

    @Test
    void privateIsAlwaysTrueAndTheValueIsSensitive() throws MalformedMessage {
        long s = loggedInSession();
        long handle = app.generateAes(s, 16, "k1", true).ok().ulong();
        RpcWriter q = RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(s).ulong(handle).u32(3)
                .u32(Ck.CKA_PRIVATE).u32(1).u32(Ck.CKA_VALUE).u32(32).u32(Ck.CKA_VALUE_LEN).u32(8);
        RpcReader in = app.send(q).ok();
        assertEquals(3, in.u32());
        assertEquals(Ck.CKA_PRIVATE, in.u32());
        assertEquals(1, in.byteValue());
        assertEquals(1, in.u32());
        assertEquals(1, in.byteValue(), "CKA_PRIVATE is true");
        assertEquals(Ck.CKA_VALUE, in.u32());
        assertEquals(0, in.byteValue(), "CKA_VALUE is not given");
        assertEquals(Ck.CKA_VALUE_LEN, in.u32());
        assertEquals(1, in.byteValue());
        assertEquals(8, in.u32());
        assertEquals(16, in.ulong());
        assertEquals(Ck.CKR_ATTRIBUTE_SENSITIVE, in.ulong());
    }

    @Test
    void aSessionKeyEndsWithItsSession() throws MalformedMessage {
        app.initialize();
        long a = app.openSession();
        long b = app.openSession();
        app.login(a, Ck.CKU_USER, PIN);
        long handle = app.generateAes(a, 16, "temp", false).ok().ulong();
        assertEquals(List.of(handle), found(b, "temp"));
        assertEquals(Ck.CKR_OK, app.send(RpcTestClient.request(RpcCall.C_CloseSession).ulong(a)).rv());
        assertEquals(List.of(), found(b, "temp"));
    }

    /** AWS's sample (aws-cloudhsm-pkcs11-examples, generate.c) names no CKA_LABEL: PKCS#11's default is empty. */
    @Test
    void anAesKeyWhoseTemplateNamesNoLabelIsMadeUnlabelled() throws MalformedMessage {
        long s = loggedInSession();
        RpcWriter gen = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(s).u32(Ck.CKM_AES_KEY_GEN).byteArray(null).u32(3);
        RpcTestClient.bool(gen, Ck.CKA_SENSITIVE, true);
        RpcTestClient.bool(gen, Ck.CKA_TOKEN, false);
        RpcTestClient.number(gen, Ck.CKA_VALUE_LEN, 32);
        long key = app.send(gen).ok().ulong();
        RpcReader label = app.send(RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(s).ulong(key)
                .u32(1).u32(Ck.CKA_LABEL).u32(128)).ok();
        assertEquals(1, label.u32(), "one attribute");
        assertEquals(Ck.CKA_LABEL, label.u32());
        assertEquals(1, label.byteValue(), "present");
        label.u32();
        assertEquals(0, label.byteArray().length, "empty");
        assertEquals(Ck.CKR_OK, label.ulong());
        RpcWriter spaced = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(s).u32(Ck.CKM_AES_KEY_GEN).byteArray(null).u32(2);
        RpcTestClient.number(spaced, Ck.CKA_VALUE_LEN, 32);
        RpcTestClient.bytes(spaced, Ck.CKA_LABEL, "two words".getBytes(StandardCharsets.UTF_8));
        assertEquals(Ck.CKR_ATTRIBUTE_VALUE_INVALID, app.send(spaced).rv(), "a label given follows the simulator's rule");
    }

    @Test
    void hmacSignsAndVerifiesThroughTheSimulator() throws MalformedMessage {
        long s = loggedInSession();
        RpcWriter gen = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(s).u32(Ck.CKM_GENERIC_SECRET_KEY_GEN)
                .byteArray(null).u32(3);
        RpcTestClient.number(gen, Ck.CKA_VALUE_LEN, 32);
        RpcTestClient.bytes(gen, Ck.CKA_LABEL, "mac".getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bool(gen, Ck.CKA_SIGN, true);
        long key = app.send(gen).ok().ulong();
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        app.send(RpcTestClient.request(RpcCall.C_SignInit).ulong(s).u32(Ck.CKM_SHA256_HMAC).byteArray(null).ulong(key)).ok();
        RpcReader sig = app.send(RpcTestClient.request(RpcCall.C_Sign).ulong(s).presentByteArray(data).u32(64)).ok();
        assertEquals(1, sig.byteValue());
        byte[] mac = sig.byteArray();
        assertEquals(32, mac.length);
        app.send(RpcTestClient.request(RpcCall.C_VerifyInit).ulong(s).u32(Ck.CKM_SHA256_HMAC).byteArray(null).ulong(key)).ok();
        assertEquals(Ck.CKR_KEY_FUNCTION_NOT_PERMITTED, app.send(RpcTestClient.request(RpcCall.C_Verify).ulong(s)
                .presentByteArray(data).presentByteArray(mac)).rv(), "CKA_VERIFY was not asked for");
    }

    @Test
    void setAttributeValueFollowsTheSimulatorsRulesAndFindUsesAnyAttribute() throws MalformedMessage {
        long s = loggedInSession();
        long key = app.generateAes(s, 16, "before", true).ok().ulong();
        RpcWriter set = RpcTestClient.request(RpcCall.C_SetAttributeValue).ulong(s).ulong(key).u32(2);
        RpcTestClient.bytes(set, Ck.CKA_LABEL, "after".getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bool(set, Ck.CKA_ENCRYPT, false);
        assertEquals(Ck.CKR_OK, app.send(set).rv());
        HsmSession kmu = TestClusters.login(cluster, "example_user");
        assertEquals(List.of(key), kmu.findKeys(KeyQuery.byLabel("after")).value());
        RpcWriter readOnly = RpcTestClient.request(RpcCall.C_SetAttributeValue).ulong(s).ulong(key).u32(2);
        RpcTestClient.bytes(readOnly, Ck.CKA_LABEL, "again".getBytes(StandardCharsets.UTF_8));
        RpcTestClient.number(readOnly, Ck.CKA_VALUE_LEN, 32);
        assertEquals(Ck.CKR_ATTRIBUTE_READ_ONLY, app.send(readOnly).rv());
        assertEquals(List.of(key), kmu.findKeys(KeyQuery.byLabel("after")).value(), "a refused change changes nothing");
        RpcWriter find = RpcTestClient.request(RpcCall.C_FindObjectsInit).ulong(s).u32(1);
        RpcTestClient.bool(find, Ck.CKA_ENCRYPT, false);
        app.send(find).ok();
        RpcReader in = app.send(RpcTestClient.request(RpcCall.C_FindObjects).ulong(s).u32(10)).ok();
        in.byteValue();
        assertEquals(1, in.u32());
        assertEquals(key, in.ulong());
    }

    @Test
    void functionsNotImplementedSaySo() throws MalformedMessage {
        app.initialize();
        long s = app.openSession();
        assertEquals(Ck.CKR_FUNCTION_NOT_SUPPORTED, app.send(RpcTestClient.request(RpcCall.C_InitToken)
                .ulong(Pkcs11Connection.SLOT_ID).presentByteArray(new byte[] {1}).byteArray(new byte[] {'x'})).rv());
    }

    /**
     * C_WrapKey / C_UnwrapKey with the AES key wraps (no p11-kit client carries these yet, so this is
     * the wire a future client sends): the unwrapped key encrypts exactly as the original, the new key
     * is the simulator's (findKey), and bad requests are refused before anything is made.
     */
    @Test
    void wrapAndUnwrapWithTheAesKeyWrapsThroughTheSimulator() throws MalformedMessage {
        long s = loggedInSession();
        long wrapping = app.generateAes(s, 32, "wrapper", true).ok().ulong();
        long payload = app.generateAes(s, 16, "payload", false).ok().ulong();
        for (long mechanism : List.of(WrapCalls.CKM_AES_KEY_WRAP, WrapCalls.CKM_AES_KEY_WRAP_PAD, WrapCalls.CKM_AES_KEY_WRAP_KWP)) {
            RpcReader size = app.send(RpcTestClient.request(RpcCall.C_WrapKey).ulong(s).u32(mechanism).byteArray(null)
                    .ulong(wrapping).ulong(payload).u32(0)).ok();
            assertEquals(0, size.byteValue());
            long length = size.u32();
            RpcReader wrap = app.send(RpcTestClient.request(RpcCall.C_WrapKey).ulong(s).u32(mechanism).byteArray(null)
                    .ulong(wrapping).ulong(payload).u32(length)).ok();
            wrap.byteValue();
            byte[] wrapped = wrap.byteArray();
            assertEquals(length, wrapped.length);
            String label = "unwrapped-" + Long.toHexString(mechanism);
            RpcWriter unwrap = RpcTestClient.request(RpcCall.C_UnwrapKey).ulong(s).u32(mechanism).byteArray(null)
                    .ulong(wrapping).presentByteArray(wrapped).u32(4);
            RpcTestClient.number(unwrap, Ck.CKA_CLASS, Ck.CKO_SECRET_KEY);
            RpcTestClient.number(unwrap, Ck.CKA_KEY_TYPE, 0x1F);
            RpcTestClient.bytes(unwrap, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
            RpcTestClient.bool(unwrap, Ck.CKA_TOKEN, true);
            long copy = app.send(unwrap).ok().ulong();
            org.junit.jupiter.api.Assertions.assertArrayEquals(ecb(s, payload), ecb(s, copy), "the same key material");
            HsmSession kmu = TestClusters.login(cluster, "example_user");
            assertEquals(List.of(copy), kmu.findKeys(KeyQuery.byLabel(label)).value());
        }
        RpcWriter noType = RpcTestClient.request(RpcCall.C_UnwrapKey).ulong(s).u32(WrapCalls.CKM_AES_KEY_WRAP).byteArray(null)
                .ulong(wrapping).presentByteArray(new byte[24]).u32(1);
        RpcTestClient.bytes(noType, Ck.CKA_LABEL, "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(Ck.CKR_TEMPLATE_INCOMPLETE, app.send(noType).rv());
        assertEquals(Ck.CKR_MECHANISM_PARAM_INVALID, app.send(RpcTestClient.request(RpcCall.C_WrapKey).ulong(s)
                .u32(WrapCalls.CKM_AES_KEY_WRAP).byteArray(new byte[8]).ulong(wrapping).ulong(payload).u32(64)).rv(),
                "only the default IV");
        assertEquals(Ck.CKR_MECHANISM_INVALID, app.send(RpcTestClient.request(RpcCall.C_WrapKey).ulong(s)
                .u32(Ck.CKM_AES_ECB).byteArray(null).ulong(wrapping).ulong(payload).u32(64)).rv());
        assertTrue(auditRecords().stream().anyMatch(r -> r.command().equals("unWrapKey")));
    }

    private byte[] ecb(long s, long key) throws MalformedMessage {
        byte[] block = "sixteen byte blk".getBytes(StandardCharsets.US_ASCII);
        app.send(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(s).u32(Ck.CKM_AES_ECB).byteArray(null).ulong(key)).ok();
        RpcReader enc = app.send(RpcTestClient.request(RpcCall.C_Encrypt).ulong(s).presentByteArray(block).u32(16)).ok();
        enc.byteValue();
        return enc.byteArray();
    }

    @Test
    void aesEcbEncryptsAndDecryptsWholeBlocksThroughTheSimulator() throws MalformedMessage {
        long s = loggedInSession();
        long key = app.generateAes(s, 32, "ecb", false).ok().ulong();
        byte[] plain = "sixteen byte blk".repeat(2).getBytes(StandardCharsets.US_ASCII);
        app.send(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(s).u32(Ck.CKM_AES_ECB).byteArray(null).ulong(key)).ok();
        RpcReader sizeOnly = app.send(RpcTestClient.request(RpcCall.C_Encrypt).ulong(s).presentByteArray(plain).u32(0)).ok();
        assertEquals(0, sizeOnly.byteValue());
        assertEquals(32, sizeOnly.u32(), "a length query leaves the operation active");
        RpcReader enc = app.send(RpcTestClient.request(RpcCall.C_Encrypt).ulong(s).presentByteArray(plain).u32(32)).ok();
        enc.byteValue();
        byte[] cipher = enc.byteArray();
        assertFalse(java.util.Arrays.equals(plain, cipher));
        app.send(RpcTestClient.request(RpcCall.C_DecryptInit).ulong(s).u32(Ck.CKM_AES_ECB).byteArray(null).ulong(key)).ok();
        RpcReader dec = app.send(RpcTestClient.request(RpcCall.C_Decrypt).ulong(s).presentByteArray(cipher).u32(32)).ok();
        dec.byteValue();
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain, dec.byteArray());
        app.send(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(s).u32(Ck.CKM_AES_ECB).byteArray(null).ulong(key)).ok();
        assertEquals(Ck.CKR_DATA_LEN_RANGE, app.send(RpcTestClient.request(RpcCall.C_Encrypt).ulong(s)
                .presentByteArray(new byte[5]).u32(16)).rv(), "ECB takes whole blocks");
        assertFalse(auditRecords().stream().anyMatch(r -> r.command().equals("encrypt")),
                "CloudHSM's audit log has no event for a use of a key on data");
    }

    @Test
    void digestsAndRandomBytes() throws Exception {
        app.initialize();
        long s = app.openSession();
        byte[] data = "abc".getBytes(StandardCharsets.US_ASCII);
        app.send(RpcTestClient.request(RpcCall.C_DigestInit).ulong(s).u32(0x250).byteArray(null)).ok();
        RpcReader d = app.send(RpcTestClient.request(RpcCall.C_Digest).ulong(s).presentByteArray(data).u32(32)).ok();
        d.byteValue();
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.security.MessageDigest.getInstance("SHA-256").digest(data),
                d.byteArray());
        assertEquals(Ck.CKR_USER_NOT_LOGGED_IN, app.send(RpcTestClient.request(RpcCall.C_GenerateRandom).ulong(s).u32(16)).rv());
        app.login(s, Ck.CKU_USER, PIN);
        RpcReader r = app.send(RpcTestClient.request(RpcCall.C_GenerateRandom).ulong(s).u32(16)).ok();
        r.byteValue();
        assertEquals(16, r.byteArray().length);
    }

    @Test
    void atMost1024SessionsPerApplication() throws MalformedMessage {
        app.initialize();
        for (int i = 0; i < Sessions.MAX_SESSIONS; i++) {
            app.openSession();
        }
        assertEquals(Ck.CKR_SESSION_COUNT, app.send(RpcTestClient.request(RpcCall.C_OpenSession)
                .ulong(Pkcs11Connection.SLOT_ID).ulong(Ck.CKF_SERIAL_SESSION)).rv());
    }
}
