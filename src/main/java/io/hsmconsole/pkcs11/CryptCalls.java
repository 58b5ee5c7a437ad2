package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * C_Encrypt / C_Decrypt with CKM_AES_ECB through the simulator (its key rules, quorum and audit),
 * C_Digest with the SHA mechanisms (no key involved: computed here), and C_GenerateRandom from the
 * simulator's DRBG. Multi-part calls gather the data and answer at the Final call (PKCS#11 lets an
 * Update return nothing yet).
 */
final class CryptCalls {
    static final long CKM_AES_ECB = 0x1081;
    static final Map<Long, String> DIGESTS = Map.of(0x220L, "SHA-1", 0x255L, "SHA-224", 0x250L, "SHA-256",
            0x260L, "SHA-384", 0x270L, "SHA-512");
    private final Sessions sessions;

    CryptCalls(Sessions sessions) {
        this.sessions = sessions;
    }

    RpcWriter cipherInit(RpcReader in, boolean encrypt) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        long key = in.ulong();
        in.end();
        HsmSession login = sessions.requireLogin();
        idle(s);
        if (mechanism.type() != CKM_AES_ECB) {
            throw new Refusal(Ck.CKR_MECHANISM_INVALID);
        }
        if (mechanism.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        sessions.availability().beforeUse(login, key);
        s.operation = new Operation(encrypt ? Operation.Kind.ENCRYPT : Operation.Kind.DECRYPT, key, null);
        return RpcWriter.response(encrypt ? RpcCall.C_EncryptInit : RpcCall.C_DecryptInit);
    }

    RpcWriter digestInit(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        in.end();
        idle(s);
        String algorithm = DIGESTS.get(mechanism.type());
        if (algorithm == null) {
            throw new Refusal(Ck.CKR_MECHANISM_INVALID);
        }
        s.operation = new Operation(Operation.Kind.DIGEST, 0, null, algorithm);
        return RpcWriter.response(RpcCall.C_DigestInit);
    }

    private static void idle(Sessions.Session s) {
        if (s.operation != null) {
            throw new Refusal(Ck.CKR_OPERATION_ACTIVE);
        }
    }

    /** C_Encrypt, C_Decrypt, C_Digest: "uayfy" in, "ay" out. */
    RpcWriter single(RpcReader in, RpcCall call) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        byte[] data = in.optionalByteArray();
        long room = in.bufferSize();
        in.end();
        Operation op = operation(s, kindOf(call));
        if (op.size() != 0) {
            throw new Refusal(Ck.CKR_OPERATION_ACTIVE); // a single-part call after Update calls
        }
        // The whole input comes with each single-part call (a length query sends it too): nothing is gathered.
        return finish(s, op, data == null ? new byte[0] : data, room, call);
    }

    /** C_EncryptUpdate, C_DecryptUpdate ("uayfy" → "ay", nothing yet) and C_DigestUpdate ("uay"). */
    RpcWriter update(RpcReader in, RpcCall call) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        byte[] part = in.optionalByteArray();
        if (call != RpcCall.C_DigestUpdate) {
            in.bufferSize();
        }
        in.end();
        Operation op = operation(s, kindOf(call));
        try {
            op.add(part == null ? new byte[0] : part);
        } catch (Refusal r) {
            s.operation = null;
            throw r;
        }
        RpcWriter out = RpcWriter.response(call);
        return call == RpcCall.C_DigestUpdate ? out : out.presentByteArray(new byte[0]);
    }

    /** C_EncryptFinal, C_DecryptFinal, C_DigestFinal: "ufy" in, "ay" out. */
    RpcWriter last(RpcReader in, RpcCall call) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        long room = in.bufferSize();
        in.end();
        Operation op = operation(s, kindOf(call));
        return finish(s, op, op.data(), room, call);
    }

    private RpcWriter finish(Sessions.Session s, Operation op, byte[] data, long room, RpcCall call) {
        int length = op.kind == Operation.Kind.DIGEST ? digestLength(op.digest) : data.length;
        if (room < length) {
            return RpcWriter.response(call).byteArrayLength(length);
        }
        s.operation = null;
        if (op.kind == Operation.Kind.DIGEST) {
            return RpcWriter.response(call).presentByteArray(digest(op.digest).digest(data));
        }
        HsmResult<byte[]> r = sessions.requireLogin().aesEcb(op.key, op.kind == Operation.Kind.ENCRYPT, data);
        if (!r.isSuccess()) {
            throw new Refusal(r.code() == ReturnCode.INVALID_HANDLE ? Ck.CKR_KEY_HANDLE_INVALID : ReturnValues.of(r.code()));
        }
        return RpcWriter.response(call).presentByteArray(r.value());
    }

    RpcWriter random(RpcReader in) throws MalformedMessage {
        sessions.get(in.ulong());
        long length = in.bufferSize();
        in.end();
        if (length > Operation.MAX_DATA) {
            throw new Refusal(Ck.CKR_DATA_LEN_RANGE);
        }
        HsmResult<byte[]> r = sessions.requireLogin().generateRandom((int) length);
        if (!r.isSuccess()) {
            throw new Refusal(ReturnValues.of(r.code()));
        }
        return RpcWriter.response(RpcCall.C_GenerateRandom).presentByteArray(r.value());
    }

    private static Operation.Kind kindOf(RpcCall call) {
        return switch (call) {
            case C_Encrypt, C_EncryptUpdate, C_EncryptFinal -> Operation.Kind.ENCRYPT;
            case C_Decrypt, C_DecryptUpdate, C_DecryptFinal -> Operation.Kind.DECRYPT;
            default -> Operation.Kind.DIGEST;
        };
    }

    private static Operation operation(Sessions.Session s, Operation.Kind kind) {
        if (s.operation == null || s.operation.kind != kind) {
            throw new Refusal(Ck.CKR_OPERATION_NOT_INITIALIZED);
        }
        return s.operation;
    }

    private static int digestLength(String algorithm) {
        return digest(algorithm).getDigestLength();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has " + algorithm, e);
        }
    }
}
