package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.CipherMechanism;
import io.hsmconsole.hsm.key.CipherRequest;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * C_Encrypt / C_Decrypt with the AES and 3DES modes of {@link Mechanisms} through the simulator (its
 * key rules, quorum and audit), the mode's parameter read by {@link CipherParameters}, and with RSA
 * keys ({@link RsaMechanism}, answered by {@link RsaCrypt}),
 * C_Digest with the SHA mechanisms (no key involved: computed here), and C_GenerateRandom from the
 * simulator's DRBG. Multi-part calls gather the data and answer at the Final call (PKCS#11 lets an
 * Update return nothing yet), except AES-GCM, which CloudHSM does not do in parts: its Update calls
 * answer CKR_MECHANISM_INVALID, as the PKCS#11 known issues page says.
 */
final class CryptCalls {
    static final Map<Long, String> DIGESTS = Map.of(0x220L, "SHA-1", 0x255L, "SHA-224", 0x250L, "SHA-256",
            0x260L, "SHA-384", 0x270L, "SHA-512");
    private final Sessions sessions;
    private final boolean fips;

    CryptCalls(Sessions sessions, boolean fips) {
        this.sessions = sessions;
        this.fips = fips;
    }

    RpcWriter cipherInit(RpcReader in, boolean encrypt) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        long key = in.ulong();
        in.end();
        HsmSession login = sessions.requireLogin();
        idle(s);
        Optional<RsaEncryption> rsa = RsaMechanism.of(mechanism);
        if (rsa.isPresent()) {
            sessions.availability().beforeUse(login, key);
            s.operation = Operation.rsa(encrypt, key, rsa.get());
            return RpcWriter.response(encrypt ? RpcCall.C_EncryptInit : RpcCall.C_DecryptInit);
        }
        CipherMechanism mode = Mechanisms.cipher(mechanism.type(), fips).orElseThrow(() -> new Refusal(Ck.CKR_MECHANISM_INVALID));
        CipherRequest request = CipherParameters.read(mode, mechanism);
        sessions.availability().beforeUse(login, key);
        s.operation = Operation.cipher(encrypt, key, request);
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
        s.operation = Operation.digest(algorithm);
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
            if (op.singlePartOnly()) {
                throw new Refusal(Ck.CKR_MECHANISM_INVALID); // "AWS CloudHSM does not support multi-part AES-GCM"; RSA is single-part too
            }
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
        if (op.rsa != null) {
            return RsaCrypt.finish(sessions.requireLogin(), s, op, data, room, call);
        }
        int length = op.kind == Operation.Kind.DIGEST ? digestLength(op.digest) : outputLength(op, data.length);
        if (room < length) {
            return RpcWriter.response(call).byteArrayLength(length);
        }
        s.operation = null;
        if (op.kind == Operation.Kind.DIGEST) {
            return RpcWriter.response(call).presentByteArray(digest(op.digest).digest(data));
        }
        HsmResult<byte[]> r = sessions.requireLogin().crypto().crypt(op.key, op.kind == Operation.Kind.ENCRYPT, op.cipher, data);
        if (!r.isSuccess()) {
            throw new Refusal(r.code() == ReturnCode.INVALID_HANDLE ? Ck.CKR_KEY_HANDLE_INVALID : ReturnValues.of(r.code()));
        }
        return RpcWriter.response(call).presentByteArray(r.value());
    }

    /**
     * The room the answer needs: exact for encryption; for decryption the input's length, which a
     * padded mode's plaintext never exceeds (PKCS#11 lets the length asked be "somewhat larger"), less
     * the tag for GCM.
     */
    private static int outputLength(Operation op, int input) {
        CipherRequest cipher = op.cipher;
        int tag = cipher.tagBits() / 8;
        if (op.kind == Operation.Kind.ENCRYPT) {
            return cipher.mechanism().encryptedLength(input, tag);
        }
        return cipher.mechanism() == CipherMechanism.AES_GCM ? Math.max(0, input - tag) : input;
    }

    RpcWriter random(RpcReader in) throws MalformedMessage {
        sessions.get(in.ulong());
        long length = in.bufferSize();
        in.end();
        if (length > Operation.MAX_DATA) {
            throw new Refusal(Ck.CKR_DATA_LEN_RANGE);
        }
        HsmResult<byte[]> r = sessions.requireLogin().crypto().generateRandom((int) length);
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
