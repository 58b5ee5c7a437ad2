package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which keys a PKCS#11 application sees, as CloudHSM's library shows them: its crypto user's own keys
 * and the keys shared with it, never another user's; a key under a quorum (m_value) is refused until
 * approved. The keys are made by other users through the simulator, as key_mgmt_util would make them.
 */
class Pkcs11KeyVisibilityTest extends ConnectionFixture {
    private long make(String owner, GenSymKeyRequest request) {
        try (HsmSession s = TestClusters.login(cluster, owner)) {
            return s.generateSymmetricKey(request).value().handle();
        }
    }

    private int idOf(String user) {
        try (HsmSession s = TestClusters.login(cluster, user)) {
            return s.user().id();
        }
    }

    private long encryptInit(long session, long key) {
        return app.send(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(session).u32(Ck.CKM_AES_ECB).byteArray(null)
                .ulong(key)).rv();
    }

    private long encrypt(long session) {
        return app.send(RpcTestClient.request(RpcCall.C_Encrypt).ulong(session).presentByteArray(new byte[16]).u32(16)).rv();
    }

    /** C_EncryptInit then C_Encrypt: the first refusal (the endpoint asks the simulator about the key at C_Encrypt). */
    private long useOnce(long session, long key) {
        long init = encryptInit(session, key);
        return init == Ck.CKR_OK ? encrypt(session) : init;
    }

    private List<Long> secretKeys(long session) throws MalformedMessage {
        RpcWriter init = RpcTestClient.request(RpcCall.C_FindObjectsInit).ulong(session).u32(1);
        RpcTestClient.number(init, Ck.CKA_CLASS, Ck.CKO_SECRET_KEY);
        return app.find(session, init);
    }

    @Test
    void theApplicationSeesItsOwnAndSharedKeysAndNoOneElses() throws MalformedMessage {
        int me = idOf("example_user");
        long hidden = make("alice", GenSymKeyRequest.of(31, 16, "alices"));
        long shared = make("alice", GenSymKeyRequest.of(31, 16, "alice-shares").withShareWith(List.of(me)));
        long s = loggedInSession();
        long own = app.generateAes(s, 16, "mine", true).ok().ulong();

        List<Long> seen = secretKeys(s);
        assertTrue(seen.containsAll(List.of(own, shared)), "own and shared: " + seen);
        assertTrue(!seen.contains(hidden), "another user's key is not listed: " + seen);
        assertEquals(List.of(), found(s, "alices"));
        assertEquals(List.of(shared), found(s, "alice-shares"));

        assertEquals(Ck.CKR_OK, encryptInit(s, shared), "a shared user uses the key");
        assertEquals(Ck.CKR_OK, encrypt(s));
        assertEquals(Ck.CKR_OBJECT_HANDLE_INVALID, app.send(RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(s)
                .ulong(hidden).u32(1).u32(Ck.CKA_LABEL).u32(64)).rv(), "another user's key does not exist for us");
        assertEquals(Ck.CKR_KEY_HANDLE_INVALID, encryptInit(s, hidden), "nor used: C_EncryptInit says so, as PKCS#11's Init calls do");
        assertEquals(Ck.CKR_KEY_HANDLE_INVALID, encryptInit(s, 999_999), "a handle that names no key at all");
        assertEquals(Ck.CKR_OK, encryptInit(s, own), "no operation was left active by the refusals");
        RpcWriter destroy = RpcTestClient.request(RpcCall.C_DestroyObject).ulong(s).ulong(shared);
        assertTrue(app.send(destroy).rv() != Ck.CKR_OK, "only the owner deletes a key");
    }

    @Test
    void aKeyUnderQuorumIsRefusedWithFunctionRejected() throws MalformedMessage {
        int bob = idOf("bob");
        long quorum = make("example_user", GenSymKeyRequest.of(31, 16, "guarded").withShareWith(List.of(bob)).withMValue(2));
        long s = loggedInSession();
        assertEquals(List.of(quorum), found(s, "guarded"));
        assertEquals(Ck.CKR_FUNCTION_REJECTED, useOnce(s, quorum), "m_value 2 needs an approved quorum token first");
    }
}
