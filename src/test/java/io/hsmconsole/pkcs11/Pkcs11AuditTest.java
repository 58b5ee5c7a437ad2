package io.hsmconsole.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import io.hsmconsole.store.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the PKCS#11 endpoint leaves in the audit log: what the application did, as CloudHSM's audit log
 * records it (cloudhsm-audit-log-reference.md) — a key generation, a closed session's end of its session
 * keys — and nothing for the endpoint's own reads or for uses of a key on data, which that log has no
 * event for.
 */
class Pkcs11AuditTest extends ConnectionFixture {
    /** The records written since {@code after}, as "command arguments". */
    private List<String> recordsAfter(long after) {
        cluster.auditLog().flush();
        List<String> out = new ArrayList<>();
        for (AuditRecord r : cluster.auditLog().records(after, 10_000)) {
            out.add(r.command() + " " + r.arguments());
        }
        return out;
    }

    private long lastSeq() {
        cluster.auditLog().flush();
        List<AuditRecord> all = cluster.auditLog().records(0, 100_000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    /** C_GenerateKey as pkcs11-tool and p11bench send it: usage flags the key has by default anyway. */
    private long generate(long session, String label, boolean token) throws MalformedMessage {
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(session).u32(Ck.CKM_AES_KEY_GEN).byteArray(null)
                .u32(6);
        RpcTestClient.number(w, Ck.CKA_CLASS, Ck.CKO_SECRET_KEY);
        RpcTestClient.number(w, Ck.CKA_VALUE_LEN, 32);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bool(w, Ck.CKA_TOKEN, token);
        RpcTestClient.bool(w, Ck.CKA_ENCRYPT, true);
        RpcTestClient.bool(w, Ck.CKA_DECRYPT, true);
        return app.send(w).ok().ulong();
    }

    @Test
    void aKeyGenerationIsOneRecordNotAlsoTheEndpointsOwnRead() throws MalformedMessage {
        long s = loggedInSession();
        long before = lastSeq();
        generate(s, "one", true);
        generate(s, "two", false);
        assertThat(recordsAfter(before)).containsExactly("genSymKey -t 31 -s 32 -l one -min_srv 2 -timeout 5",
                "genSymKey -t 31 -s 32 -l two -sess");
    }

    @Test
    void encryptAndDecryptLeaveNoRecord() throws MalformedMessage {
        long s = loggedInSession();
        long key = generate(s, "cbc", false);
        long before = lastSeq();
        byte[] plain = new byte[32];
        app.send(RpcTestClient.request(RpcCall.C_EncryptInit).ulong(s).u32(Ck.CKM_AES_ECB).byteArray(null).ulong(key)).ok();
        RpcReader enc = app.send(RpcTestClient.request(RpcCall.C_Encrypt).ulong(s).presentByteArray(plain).u32(32)).ok();
        enc.byteValue();
        byte[] cipher = enc.byteArray();
        app.send(RpcTestClient.request(RpcCall.C_DecryptInit).ulong(s).u32(Ck.CKM_AES_ECB).byteArray(null).ulong(key)).ok();
        RpcReader dec = app.send(RpcTestClient.request(RpcCall.C_Decrypt).ulong(s).presentByteArray(cipher).u32(32)).ok();
        dec.byteValue();
        assertThat(dec.byteArray()).isEqualTo(plain);
        assertThat(recordsAfter(before)).isEmpty();
    }

    @Test
    void readingAttributesLeavesNoRecord() throws MalformedMessage {
        long s = loggedInSession();
        long key = generate(s, "read", true);
        long before = lastSeq();
        RpcReader in = app.send(RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(s).ulong(key)
                .u32(1).u32(Ck.CKA_LABEL).u32(64)).ok();
        assertEquals(1, in.u32());
        assertEquals(Ck.CKA_LABEL, in.u32());
        assertEquals(1, in.byteValue());
        in.u32();
        assertThat(new String(in.byteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("read");
        assertThat(recordsAfter(before)).as("the audit log has no opcode for reading attributes").isEmpty();
    }

    @Test
    void closingASessionEndsItsSessionKeysInOneRecord() throws MalformedMessage {
        long a = loggedInSession();
        long b = app.openSession();
        generate(a, "temp", false);
        generate(a, "temp", false);
        generate(b, "kept", false);
        long before = lastSeq();
        assertEquals(Ck.CKR_OK, app.send(RpcTestClient.request(RpcCall.C_CloseSession).ulong(a)).rv());
        assertThat(recordsAfter(before)).containsExactly("closeSession 2 session keys");
        assertThat(found(b, "temp")).as("both of the closed session's keys are gone").isEmpty();
        assertThat(found(b, "kept")).as("the other session's key stays").hasSize(1);
    }
}
