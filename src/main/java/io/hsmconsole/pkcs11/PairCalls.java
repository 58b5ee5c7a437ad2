package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.pkcs11.rpc.Attr;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;

import java.util.List;

/**
 * C_GenerateKeyPair through the simulator's genRSAKeyPair / genECCKeyPair, under Client SDK 5's key
 * availability quorum as C_GenerateKey is (a token pair returns once two HSMs hold it). Each half's
 * template flags are then set through setAttribute; if the simulator refuses one, both halves go.
 */
final class PairCalls {
    private final Sessions sessions;

    PairCalls(Sessions sessions) {
        this.sessions = sessions;
    }

    RpcWriter generateKeyPair(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        List<Attr> publicTemplate = in.attributes();
        List<Attr> privateTemplate = in.attributes();
        in.end();
        HsmSession login = sessions.requireLogin();
        if (mechanism.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        PairTemplate t = PairTemplate.read(mechanism.type(), publicTemplate, privateTemplate);
        boolean sessionPair = t.request().options().session();
        if (!sessionPair && !s.readWrite) {
            throw new Refusal(ObjectCalls.CKR_SESSION_READ_ONLY);
        }
        HsmResult<GeneratedPair> made = sessions.availability().generatePair(login, t.request());
        if (!made.isSuccess()) {
            throw new Refusal(ReturnValues.of(made.code()));
        }
        GeneratedPair pair = made.value();
        try {
            ObjectCalls.applyFlags(login, pair.publicHandle(), t.publicFlags());
        } catch (Refusal r) {
            login.deleteKey(pair.privateHandle());
            throw r;
        }
        try {
            ObjectCalls.applyFlags(login, pair.privateHandle(), t.privateFlags());
        } catch (Refusal r) {
            login.deleteKey(pair.publicHandle());
            throw r;
        }
        if (sessionPair) {
            s.sessionObjects.add(pair.publicHandle());
            s.sessionObjects.add(pair.privateHandle());
        }
        return RpcWriter.response(RpcCall.C_GenerateKeyPair).ulong(pair.publicHandle()).ulong(pair.privateHandle());
    }
}
