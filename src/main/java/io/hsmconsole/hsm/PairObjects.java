package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.KeyClass;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.PairFlags;
import io.hsmconsole.store.KeyRecord;

import java.util.List;

/**
 * The records of the two halves of a pair, for every command that makes one (generate, import,
 * unwrap): label and ID on both; sharing, m_value and {@code -nex} on the private key only, as the
 * genRSAKeyPair/genECCKeyPair pages say ("Public keys can be used by any user without sharing").
 */
final class PairObjects {
    private PairObjects() {
    }

    static KeyCreation.NewObject publicKey(HsmSession session, AsymmetricMaterial pub, int valueLength, KeyOptions o,
                                           boolean local) {
        long flags = PairFlags.publicKey(pub.type(), o.session(), local);
        byte[] der = pub.encoded();
        byte[] kcv = pub.kcv();
        return (handle, node, now, shares) -> new KeyRecord(handle, session.user().id(), KeyClass.PUBLIC_KEY.code(),
                pub.type().code(), valueLength, o.label(), o.id(), flags, kcv, 0, node, now, List.of(), der);
    }

    static KeyCreation.NewObject privateKey(HsmSession session, AsymmetricMaterial priv, int valueLength, KeyOptions o,
                                            boolean local) {
        long flags = PairFlags.privateKey(priv.type(), o.session(), o.nonExtractable(), local);
        byte[] der = priv.encoded();
        byte[] kcv = priv.kcv();
        return (handle, node, now, shares) -> new KeyRecord(handle, session.user().id(), KeyClass.PRIVATE_KEY.code(),
                priv.type().code(), valueLength, o.label(), o.id(), flags, kcv, o.mValue(), node, now, shares, der);
    }
}
