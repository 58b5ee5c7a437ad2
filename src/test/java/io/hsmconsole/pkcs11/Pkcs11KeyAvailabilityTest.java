package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key availability quorum through the wire, as Client SDK 5's PKCS#11 library answers it: a token
 * key on one online HSM only is refused at the start of a use with CKR_FUNCTION_FAILED (0x06) until
 * it syncs, a token key that cannot reach two HSMs is not made; {@code --disable-key-availability-check}
 * ({@link KeyAvailabilityCheck#DISABLED}) lets both through. Demo cluster (latencies 50/150/250 ms),
 * nodes 1 and 2 offline, manual clock.
 */
class Pkcs11KeyAvailabilityTest {
    private static final String PIN = "example_user:example_pwd";
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);
    HsmCluster cluster;
    RpcTestClient app;

    private long session(KeyAvailabilityCheck check) throws MalformedMessage {
        cluster = TestClusters.demoWithLatencies(dir, clock);
        app = new RpcTestClient(new Pkcs11Connection(cluster, check));
        app.initialize();
        long s = app.openSession();
        assertEquals(Ck.CKR_OK, app.login(s, Ck.CKU_USER, PIN));
        return s;
    }

    @AfterEach
    void close() {
        app.connection.close();
        cluster.close();
    }

    /** A token key the shells made while only node 0 was online. */
    private long keyOnOneHsm() {
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        var made = TestClusters.login(cluster, "example_user").generateSymmetricKey(GenSymKeyRequest.of(31, 32, "lonely"));
        clock.advance(10_000);
        return made.value().handle();
    }

    private long encryptInit(long s, long key) {
        return app.send(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(s).u32(Ck.CKM_AES_ECB).byteArray(null)
                .ulong(key)).rv();
    }

    @Test
    void aKeyOnOneHsmIsRefusedUntilItSyncs() throws MalformedMessage {
        long s = session(KeyAvailabilityCheck.ENABLED);
        long key = keyOnOneHsm();
        assertEquals(Ck.CKR_FUNCTION_FAILED, encryptInit(s, key));
        assertEquals(Ck.CKR_FUNCTION_FAILED, app.send(RpcTestClient.request(RpcCall.C_DecryptInit).ulong(s)
                .u32(Ck.CKM_AES_ECB).byteArray(null).ulong(key)).rv());
        assertEquals(Ck.CKR_FUNCTION_FAILED, app.send(RpcTestClient.request(RpcCall.C_SignInit).ulong(s)
                .u32(Ck.CKM_SHA256_HMAC).byteArray(null).ulong(key)).rv());

        cluster.setNodeOnline(1, true);
        assertEquals(Ck.CKR_FUNCTION_FAILED, encryptInit(s, key), "node 1 is back but has not synced yet");
        clock.advance(150);
        assertEquals(Ck.CKR_OK, encryptInit(s, key));
    }

    @Test
    void aTokenKeyThatCannotReachTwoHsmsIsNotMadeButASessionKeyIs() throws MalformedMessage {
        long s = session(KeyAvailabilityCheck.ENABLED);
        cluster.setNodeOnline(1, false);
        cluster.setNodeOnline(2, false);
        assertEquals(Ck.CKR_FUNCTION_FAILED, app.generateAes(s, 32, "doomed", true).rv());
        assertTrue(TestClusters.login(cluster, "example_user").findKeys(KeyQuery.byLabel("doomed")).value().isEmpty(),
                "nothing left behind");
        long sessionKey = app.generateAes(s, 32, "eph", false).ok().ulong();
        assertEquals(Ck.CKR_OK, encryptInit(s, sessionKey), "session keys live on one HSM by design");
    }

    @Test
    void aTokenKeyMadeThroughPkcs11IsUsableAtOnce() throws MalformedMessage {
        long s = session(KeyAvailabilityCheck.ENABLED);
        long key = app.generateAes(s, 32, "ready", true).ok().ulong();
        assertEquals(Ck.CKR_OK, encryptInit(s, key), "C_GenerateKey returned once two HSMs held it");
    }

    @Test
    void disablingTheCheckUsesKeysOnOneHsm() throws MalformedMessage {
        long s = session(KeyAvailabilityCheck.DISABLED);
        long key = keyOnOneHsm();
        assertEquals(Ck.CKR_OK, encryptInit(s, key));
        RpcWriter gen = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(s).u32(Ck.CKM_AES_KEY_GEN).byteArray(null).u32(3);
        RpcTestClient.number(gen, Ck.CKA_VALUE_LEN, 32);
        RpcTestClient.bytes(gen, Ck.CKA_LABEL, "solo".getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bool(gen, Ck.CKA_TOKEN, true);
        long made = app.send(gen).ok().ulong();
        assertEquals(Ck.CKR_OK, encryptInit(app.openSession(), made), "made on one HSM and used at once");
    }

    /**
     * With the check off a token key returns once its own HSM holds it, without waiting for the
     * others (the check on waits for one other HSM; nothing waits for all): the other HSMs still get
     * it after their latency.
     */
    @Test
    void withTheCheckOffATokenKeyReturnsWithoutWaitingAndStillReplicates() throws MalformedMessage {
        long s = session(KeyAvailabilityCheck.DISABLED);
        long before = clock.nowMillis();
        long key = app.generateAes(s, 32, "quick", true).ok().ulong();
        assertEquals(before, clock.nowMillis(), "no replication wait");
        var shell = TestClusters.login(cluster, "example_user");
        assertEquals(ReturnCode.KEY_NOT_AVAILABLE, shell.checkKeyAvailability(key).code(), "on its own HSM only, yet");
        clock.advance(250);
        assertEquals(3, shell.keyInfo(key).value().nodesHolding().size(), "every HSM has it after its latency");
    }
}
