package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.util.Optional;

/**
 * C_Sign / C_Verify with the HMAC mechanisms and AES-CMAC, single-part and multi-part, through the simulator's
 * sign and verify (its key type, CKA_SIGN / CKA_VERIFY and quorum rules, its audit).
 */
final class SignCalls {
    private final Sessions sessions;

    SignCalls(Sessions sessions) {
        this.sessions = sessions;
    }

    RpcWriter init(RpcReader in, Operation.Kind kind) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        long key = in.ulong();
        in.end();
        HsmSession login = sessions.requireLogin();
        if (s.operation != null) {
            throw new Refusal(Ck.CKR_OPERATION_ACTIVE);
        }
        Optional<MacMechanism> macMechanism = Mechanisms.mac(mechanism.type());
        if (macMechanism.isPresent() && mechanism.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        Signing mac = macMechanism.<Signing>map(m -> m)
                .or(() -> PairSignMechanism.of(mechanism)).orElseThrow(() -> new Refusal(Ck.CKR_MECHANISM_INVALID));
        sessions.availability().beforeUse(login, key);
        s.operation = Operation.mac(kind, key, mac);
        return RpcWriter.response(kind == Operation.Kind.SIGN ? RpcCall.C_SignInit : RpcCall.C_VerifyInit);
    }

    RpcWriter sign(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        byte[] data = in.optionalByteArray();
        long room = in.bufferSize();
        in.end();
        Operation op = operation(s, Operation.Kind.SIGN);
        if (op.size() != 0) {
            throw new Refusal(Ck.CKR_OPERATION_ACTIVE); // a single-part call after Update calls
        }
        // The whole input comes with each single-part call (a length query sends it too): nothing is gathered.
        return signature(s, op, data == null ? new byte[0] : data, room, RpcCall.C_Sign);
    }

    RpcWriter update(RpcReader in, boolean signing) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        byte[] part = in.optionalByteArray();
        in.end();
        Operation op = operation(s, signing ? Operation.Kind.SIGN : Operation.Kind.VERIFY);
        try {
            op.add(part == null ? new byte[0] : part);
        } catch (Refusal r) {
            s.operation = null;
            throw r;
        }
        return RpcWriter.response(signing ? RpcCall.C_SignUpdate : RpcCall.C_VerifyUpdate);
    }

    RpcWriter signFinal(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        long room = in.bufferSize();
        in.end();
        Operation op = operation(s, Operation.Kind.SIGN);
        return signature(s, op, op.data(), room, RpcCall.C_SignFinal);
    }

    /**
     * The MAC, or only its length when the caller has no room for it yet (PKCS#11's two-call
     * convention: the operation stays active until a call that returns the value).
     */
    private RpcWriter signature(Sessions.Session s, Operation op, byte[] data, long room, RpcCall call) {
        int length;
        try {
            length = op.mac.length(sessions.requireLogin(), op.key);
        } catch (Refusal r) {
            s.operation = null; // an error other than a too-small buffer ends the operation (PKCS#11 §5.2)
            throw r;
        }
        if (room < length) {
            return RpcWriter.response(call).byteArrayLength(length);
        }
        s.operation = null;
        HsmResult<byte[]> mac = op.mac.sign(sessions.requireLogin(), op.key, data);
        if (!mac.isSuccess()) {
            throw new Refusal(keyRefusal(mac.code()));
        }
        return RpcWriter.response(call).presentByteArray(mac.value());
    }

    RpcWriter verify(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        byte[] data = in.optionalByteArray();
        byte[] signature = in.optionalByteArray();
        in.end();
        Operation op = operation(s, Operation.Kind.VERIFY);
        if (op.size() != 0) {
            throw new Refusal(Ck.CKR_OPERATION_ACTIVE);
        }
        return checked(s, op, data == null ? new byte[0] : data, signature, RpcCall.C_Verify);
    }

    RpcWriter verifyFinal(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        byte[] signature = in.optionalByteArray();
        in.end();
        Operation op = operation(s, Operation.Kind.VERIFY);
        return checked(s, op, op.data(), signature, RpcCall.C_VerifyFinal);
    }

    private RpcWriter checked(Sessions.Session s, Operation op, byte[] data, byte[] signature, RpcCall call) {
        s.operation = null;
        if (signature == null || signature.length != op.mac.length(sessions.requireLogin(), op.key)) {
            throw new Refusal(0xC1); // CKR_SIGNATURE_LEN_RANGE
        }
        HsmResult<Void> r = op.mac.verify(sessions.requireLogin(), op.key, data, signature);
        if (!r.isSuccess()) {
            throw new Refusal(keyRefusal(r.code()));
        }
        return RpcWriter.response(call);
    }

    private static Operation operation(Sessions.Session s, Operation.Kind kind) {
        if (s.operation == null || s.operation.kind != kind) {
            throw new Refusal(Ck.CKR_OPERATION_NOT_INITIALIZED);
        }
        return s.operation;
    }

    /** In a key's use the handle names a key: PKCS#11 calls a bad one CKR_KEY_HANDLE_INVALID. */
    static long keyRefusal(ReturnCode code) {
        return code == ReturnCode.INVALID_HANDLE ? Ck.CKR_KEY_HANDLE_INVALID : ReturnValues.of(code);
    }
}
