package io.hsmconsole.pkcs11;

import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the protocol, for tests: encodes requests as p11-kit-client.so does and reads
 * answers, against a {@link Pkcs11Connection} in the same process.
 */
final class RpcTestClient {
    static final String HANDSHAKE = "PRIVATE-GNOME-KEYRING-PKCS11-PROTOCOL-V-1";
    final Pkcs11Connection connection;

    RpcTestClient(Pkcs11Connection connection) {
        this.connection = connection;
    }

    static RpcWriter request(RpcCall call) {
        return new RpcWriter().u32(call.id()).byteArray(call.requestSignature().getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends the request; the answer's reader, positioned after the call and signature, or the CK_RV. */
    Answer send(RpcWriter request) {
        byte[] body = connection.answer(request.toBytes());
        RpcReader in = new RpcReader(body);
        try {
            long id = in.u32();
            in.byteArray();
            if (id == RpcCall.ERROR.id()) {
                return new Answer(in.ulong(), null);
            }
            return new Answer(Ck.CKR_OK, in);
        } catch (MalformedMessage e) {
            throw new AssertionError("the server's answer does not decode: " + e.getMessage());
        }
    }

    long initialize() {
        return send(request(RpcCall.C_Initialize).presentByteArray(HANDSHAKE.getBytes(StandardCharsets.US_ASCII))
                .byteValue(0).byteArrayLength(0)).rv();
    }

    long openSession() throws MalformedMessage {
        Answer a = send(request(RpcCall.C_OpenSession).ulong(Pkcs11Connection.SLOT_ID).ulong(Ck.CKF_SERIAL_SESSION | Ck.CKF_RW_SESSION));
        return a.ok().ulong();
    }

    /** C_Initialize, a R/W session and C_Login as a crypto user: the session's handle. */
    long openLoggedInSession(String pin) throws MalformedMessage {
        initialize();
        long session = openSession();
        long rv = login(session, Ck.CKU_USER, pin);
        if (rv != Ck.CKR_OK) {
            throw new AssertionError("C_Login answered 0x" + Long.toHexString(rv));
        }
        return session;
    }

    long login(long session, long userType, String pin) {
        return send(request(RpcCall.C_Login).ulong(session).ulong(userType)
                .presentByteArray(pin.getBytes(StandardCharsets.UTF_8))).rv();
    }

    /** One attribute of a request template, encoded as p11-kit encodes it. */
    static RpcWriter bool(RpcWriter w, long type, boolean value) {
        return w.u32(type).byteValue(1).u32(1).byteValue(value ? 1 : 0);
    }

    static RpcWriter number(RpcWriter w, long type, long value) {
        return w.u32(type).byteValue(1).u32(8).ulong(value);
    }

    static RpcWriter bytes(RpcWriter w, long type, byte[] value) {
        return w.u32(type).byteValue(1).u32(value.length).byteArray(value);
    }

    /** C_GenerateKey of an AES key: the handle, or the refusal as a negative number's absolute CK_RV. */
    Answer generateAes(long session, int size, String label, boolean token) {
        RpcWriter w = request(RpcCall.C_GenerateKey).ulong(session).u32(Ck.CKM_AES_KEY_GEN).byteArray(null).u32(4);
        number(w, Ck.CKA_CLASS, Ck.CKO_SECRET_KEY);
        number(w, Ck.CKA_VALUE_LEN, size);
        bytes(w, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        bool(w, Ck.CKA_TOKEN, token);
        return send(w);
    }

    /** C_FindObjectsInit as {@code init} carries it, C_FindObjects of up to 100, C_FindObjectsFinal: the handles found. */
    List<Long> find(long session, RpcWriter init) throws MalformedMessage {
        if (send(init).rv() != Ck.CKR_OK) {
            throw new AssertionError("C_FindObjectsInit refused");
        }
        RpcReader r = send(request(RpcCall.C_FindObjects).ulong(session).u32(100)).ok();
        r.byteValue();
        long n = r.u32();
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found.add(r.ulong());
        }
        send(request(RpcCall.C_FindObjectsFinal).ulong(session));
        return found;
    }

    /** An answer: its CK_RV, and when CKR_OK the reader over its values. */
    record Answer(long rv, RpcReader reader) {
        RpcReader ok() {
            if (rv != Ck.CKR_OK) {
                throw new AssertionError("expected CKR_OK, got 0x" + Long.toHexString(rv));
            }
            return reader;
        }
    }
}
