package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.EcdhDerivation;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.pkcs11.rpc.Attr;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * C_DeriveKey with CKM_ECDH1_DERIVE through the simulator's ECDH derivation (its key, curve and
 * quorum rules, its audit), under the key availability quorum as every create. The parameter is
 * CK_ECDH1_DERIVE_PARAMS as p11-kit 0.25 and newer carry it (kdf, shared data, the other party's
 * public point); bookworm's 0.24.1 client refuses the mechanism itself. The new key's template is read
 * as C_GenerateKey's, its type from CKA_KEY_TYPE (AES or generic secret) and its size from CKA_VALUE_LEN.
 */
final class DeriveCalls {
    private final Sessions sessions;
    private final ObjectCalls objects;

    DeriveCalls(Sessions sessions, ObjectCalls objects) {
        this.sessions = sessions;
        this.objects = objects;
    }

    /** "uMuaA" → "u". */
    RpcWriter derive(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        long baseKey = in.ulong();
        List<Attr> template = in.attributes();
        in.end();
        HsmSession login = sessions.requireLogin();
        if (mechanism.type() != Ck.CKM_ECDH1_DERIVE) {
            throw new Refusal(Ck.CKR_MECHANISM_INVALID);
        }
        EcdhDerivation ecdh = parameters(mechanism);
        GenerateTemplate t = GenerateTemplate.forDerive(template);
        if (!t.request().session() && !s.readWrite) {
            throw new Refusal(ObjectCalls.CKR_SESSION_READ_ONLY);
        }
        sessions.availability().beforeUse(login, baseKey);
        HsmResult<GeneratedKey> made = sessions.availability().derive(login, baseKey, ecdh, t.request().keyTypeCode(),
                t.request().sizeBytes(), KeyOptions.of(t.request()));
        if (!made.isSuccess()) {
            throw new Refusal(SignCalls.keyRefusal(made.code()));
        }
        long handle = made.value().handle();
        objects.keep(s, handle, t);
        return RpcWriter.response(RpcCall.C_DeriveKey).ulong(handle);
    }

    private static EcdhDerivation parameters(Mechanism mechanism) {
        if (!mechanism.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        try {
            RpcReader in = new RpcReader(mechanism.parameter());
            long kdf = in.ulong();
            byte[] shared = in.byteArray();
            byte[] publicData = in.byteArray();
            in.end();
            Optional<EcdhDerivation.Kdf> known = Arrays.stream(EcdhDerivation.Kdf.values()).filter(k -> k.ckd() == kdf).findFirst();
            return new EcdhDerivation(known.orElseThrow(() -> new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID)), shared, publicData);
        } catch (MalformedMessage e) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
    }
}
