package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.RsaEncryption;
import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.hsm.key.WrappedKey;
import io.hsmconsole.pkcs11.rpc.Attr;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C_WrapKey / C_UnwrapKey through the simulator's wrapKey / unWrapKey (KMU's -m 4, 5 and 6: its rules,
 * quorum and audit). The PKCS#11 mechanisms map to them as CloudHSM's library documents:
 * CKM_AES_KEY_WRAP and CKM_CLOUDHSM_AES_KEY_WRAP_NO_PAD are RFC 3394 without padding (-m 5),
 * CKM_AES_KEY_WRAP_PAD and CKM_CLOUDHSM_AES_KEY_WRAP_PKCS5_PAD pad with PKCS#5 first (-m 4), and
 * CKM_AES_KEY_WRAP_KWP is RFC 5649 (-m 6). No p11-kit client release carries these mechanisms (none of
 * 0.24, 0.25 or 0.26 knows how to serialise them): docs/pkcs11.md says so. With an RSA key,
 * CKM_RSA_PKCS_OAEP and CKM_RSA_PKCS wrap under the public key and unwrap with the private key
 * (the simulator's PairWrap / PairUnwrap); every p11-kit client carries them.
 */
final class WrapCalls {
    static final long CKM_AES_KEY_WRAP = 0x2109;
    static final long CKM_AES_KEY_WRAP_PAD = 0x210A;
    static final long CKM_AES_KEY_WRAP_KWP = 0x210B;
    static final long CKM_CLOUDHSM_AES_KEY_WRAP_NO_PAD = 0x80002109L;
    static final long CKM_CLOUDHSM_AES_KEY_WRAP_PKCS5_PAD = 0x8000210AL;
    static final Map<Long, WrapMechanism> MECHANISMS = Map.of(
            CKM_AES_KEY_WRAP, WrapMechanism.NIST_AES_WRAP_NO_PAD,
            CKM_CLOUDHSM_AES_KEY_WRAP_NO_PAD, WrapMechanism.NIST_AES_WRAP_NO_PAD,
            CKM_AES_KEY_WRAP_PAD, WrapMechanism.AES_KEY_WRAP_PAD_PKCS5,
            CKM_CLOUDHSM_AES_KEY_WRAP_PKCS5_PAD, WrapMechanism.AES_KEY_WRAP_PAD_PKCS5,
            CKM_AES_KEY_WRAP_KWP, WrapMechanism.NIST_AES_WRAP_PAD);

    private final Sessions sessions;
    private final ObjectCalls objects;

    WrapCalls(Sessions sessions, ObjectCalls objects) {
        this.sessions = sessions;
        this.objects = objects;
    }

    /** "uMuufy" → "ay": the wrapped key, or only its length when the caller has no room for it yet. */
    RpcWriter wrap(RpcReader in) throws MalformedMessage {
        sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        long wrappingKey = in.ulong();
        long key = in.ulong();
        long room = in.bufferSize();
        in.end();
        HsmSession login = sessions.requireLogin();
        Optional<RsaEncryption> rsa = RsaMechanism.forWrapping(mechanism);
        WrapMechanism wrap = rsa.isPresent() ? null : mechanism(mechanism);
        sessions.availability().beforeUse(login, wrappingKey);
        HsmResult<byte[]> wrapped = rsa.isPresent() ? login.pairs().wrapKeyRsa(key, wrappingKey, rsa.get())
                : login.transfers().wrapKey(key, wrappingKey, wrap.code()).map(WrappedKey::ciphertext);
        if (!wrapped.isSuccess()) {
            throw new Refusal(ReturnValues.of(wrapped.code()));
        }
        // Wrapping with AES is deterministic; RSA's padding is random, so a length query costs one wrap.
        byte[] bytes = wrapped.value();
        return room < bytes.length ? RpcWriter.response(RpcCall.C_WrapKey).byteArrayLength(bytes.length)
                : RpcWriter.response(RpcCall.C_WrapKey).presentByteArray(bytes);
    }

    /** "uMuayaA" → "u": the new key's handle, its attributes from the template as C_GenerateKey reads them. */
    RpcWriter unwrap(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        long unwrappingKey = in.ulong();
        byte[] wrapped = in.optionalByteArray(); // "ay": a presence byte first (p11_rpc_message_write_byte_array)
        List<Attr> template = in.attributes();
        in.end();
        HsmSession login = sessions.requireLogin();
        Optional<RsaEncryption> rsa = RsaMechanism.forWrapping(mechanism);
        WrapMechanism wrap = rsa.isPresent() ? null : mechanism(mechanism);
        GenerateTemplate t = GenerateTemplate.forUnwrap(template);
        if (!t.request().session() && !s.readWrite) {
            throw new Refusal(ObjectCalls.CKR_SESSION_READ_ONLY);
        }
        sessions.availability().beforeUse(login, unwrappingKey);
        byte[] ciphertext = wrapped == null ? new byte[0] : wrapped;
        KeyTemplate secret = KeyTemplate.secret(t.request().keyTypeCode());
        HsmResult<GeneratedKey> made = rsa.isPresent()
                ? sessions.availability().unwrapRsa(login, ciphertext, unwrappingKey, rsa.get(), secret, KeyOptions.of(t.request()))
                : sessions.availability().unwrap(login, ciphertext, unwrappingKey, wrap.code(), secret, KeyOptions.of(t.request()));
        if (!made.isSuccess()) {
            throw new Refusal(ReturnValues.of(made.code()));
        }
        long handle = made.value().handle();
        objects.keep(s, handle, t);
        return RpcWriter.response(RpcCall.C_UnwrapKey).ulong(handle);
    }

    /** The simulator's wrap of a PKCS#11 mechanism; the default IV only (RFC 3394's A6…, as CloudHSM). */
    private static WrapMechanism mechanism(Mechanism mechanism) {
        WrapMechanism wrap = Optional.ofNullable(MECHANISMS.get(mechanism.type()))
                .orElseThrow(() -> new Refusal(Ck.CKR_MECHANISM_INVALID));
        if (mechanism.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        return wrap;
    }
}
