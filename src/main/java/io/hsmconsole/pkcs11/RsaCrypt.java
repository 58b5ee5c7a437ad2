package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import io.hsmconsole.pkcs11.rpc.RpcCall;

/**
 * The answer of a single-part C_Encrypt / C_Decrypt with an RSA key: the room it needs is the
 * modulus length (a decryption's plaintext is shorter; PKCS#11 lets the length asked be "somewhat
 * larger"), then the simulator's encryption or decryption. A decryption's data-length refusal is
 * PKCS#11's CKR_ENCRYPTED_DATA_LEN_RANGE.
 */
final class RsaCrypt {
    private RsaCrypt() {
    }

    static RpcWriter finish(HsmSession login, Sessions.Session s, Operation op, byte[] data, long room, RpcCall call) {
        boolean encrypt = op.kind == Operation.Kind.ENCRYPT;
        HsmResult<Integer> length = login.crypto().rsaCryptLength(op.key, encrypt);
        if (!length.isSuccess()) {
            s.operation = null;
            throw new Refusal(SignCalls.keyRefusal(length.code()));
        }
        if (room < length.value()) {
            return RpcWriter.response(call).byteArrayLength(length.value());
        }
        s.operation = null;
        HsmResult<byte[]> r = login.crypto().rsaCrypt(op.key, encrypt, op.rsa, data);
        if (!r.isSuccess()) {
            throw new Refusal(!encrypt && r.code() == ReturnCode.RSA_DATA_LEN_INVALID ? Ck.CKR_ENCRYPTED_DATA_LEN_RANGE
                    : SignCalls.keyRefusal(r.code()));
        }
        return RpcWriter.response(call).presentByteArray(r.value());
    }
}
