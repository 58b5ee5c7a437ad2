package io.hsmconsole.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A key-use call looks once at other processes' key changes (HsmCluster.asOneRequest), not at each of its
 * reads: each call still looks, so a token key another process deletes or changes between C_SignInit and
 * C_Sign is not used by C_Sign, nor found by the next C_SignInit.
 */
class KeyUseAcrossProcessesTest extends ConnectionFixture {
    private static final byte[] P256 = HexFormat.of().parseHex("06082a8648ce3d030107");
    private static final byte[] HASH = new byte[32];

    /** A P-256 token pair that signs: {public, private}. */
    private long[] tokenPair(long s) throws MalformedMessage {
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKeyPair).ulong(s).u32(Ck.CKM_EC_KEY_PAIR_GEN).byteArray(null);
        w.u32(3);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, "signer".getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bytes(w, Ck.CKA_EC_PARAMS, P256);
        w.u32(2);
        RpcTestClient.bool(w, Ck.CKA_TOKEN, true);
        RpcTestClient.bool(w, Ck.CKA_SIGN, true);
        RpcReader r = app.send(w).ok();
        return new long[] {r.ulong(), r.ulong()};
    }

    private long signInit(long s, long key) {
        return app.send(RpcTestClient.request(RpcCall.C_SignInit).ulong(s).u32(Ck.CKM_ECDSA).byteArray(null).ulong(key)).rv();
    }

    private long sign(long s) {
        return app.send(RpcTestClient.request(RpcCall.C_Sign).ulong(s).presentByteArray(HASH).u32(64)).rv();
    }

    /** Another process: its own open of the same cluster folder, its own connection to the file. */
    private HsmCluster anotherProcess() {
        return TestClusters.catalog(dir, new ManualClock(TestClusters.START)).open("demo");
    }

    @Test
    void aTokenKeyAnotherProcessDeletesAfterSignInitIsNotUsedBySign() throws MalformedMessage {
        long s = loggedInSession();
        long[] pair = tokenPair(s);
        assertEquals(Ck.CKR_OK, signInit(s, pair[1]));
        assertEquals(Ck.CKR_OK, sign(s));
        assertEquals(Ck.CKR_OK, signInit(s, pair[1]));
        try (HsmCluster elsewhere = anotherProcess()) {
            HsmSession owner = TestClusters.login(elsewhere, "example_user");
            assertThat(owner.deleteKey(pair[1]).code()).isEqualTo(ReturnCode.SUCCESS);
            owner.close();
        }
        assertEquals(Ck.CKR_KEY_HANDLE_INVALID, sign(s), "deleted by another process after C_SignInit");
        assertEquals(Ck.CKR_KEY_HANDLE_INVALID, signInit(s, pair[1]), "and not found by the next C_SignInit");
    }

    @Test
    void aTokenKeyAnotherProcessForbidsToSignAfterSignInitIsNotUsedBySign() throws MalformedMessage {
        long s = loggedInSession();
        long[] pair = tokenPair(s);
        assertEquals(Ck.CKR_OK, signInit(s, pair[1]));
        try (HsmCluster elsewhere = anotherProcess()) {
            HsmSession owner = TestClusters.login(elsewhere, "example_user");
            assertThat(owner.setAttribute(pair[1], Attribute.SIGN, 0, null).code()).isEqualTo(ReturnCode.SUCCESS);
            owner.close();
        }
        assertThat(sign(s)).as("CKA_SIGN cleared by another process after C_SignInit").isNotEqualTo(Ck.CKR_OK);
    }
}
