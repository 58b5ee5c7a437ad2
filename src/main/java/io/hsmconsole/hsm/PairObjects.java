package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.model.KeyClass;
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

    static KeyCreation.NewObject publicKey(HsmSession session, AsymmetricMaterial pub, KeyOptions o, boolean local) {
        long flags = PairFlags.publicKey(pub.type(), o.session(), local);
        byte[] der = pub.encoded();
        byte[] kcv = pub.kcv();
        return (handle, node, now, shares) -> record(session, KeyClass.PUBLIC_KEY, pub, o, flags, kcv)
                .handle(handle).originNode(node).createdAtMillis(now).mValue(0).sharedWith(List.of()).material(der).build();
    }

    static KeyCreation.NewObject privateKey(HsmSession session, AsymmetricMaterial priv, KeyOptions o, boolean local) {
        long flags = PairFlags.privateKey(priv.type(), o.session(), o.nonExtractable(), local);
        byte[] der = priv.encoded();
        byte[] kcv = priv.kcv();
        return (handle, node, now, shares) -> record(session, KeyClass.PRIVATE_KEY, priv, o, flags, kcv)
                .handle(handle).originNode(node).createdAtMillis(now).mValue(o.mValue()).manageMValue(o.manageMValue()).sharedWith(shares).material(der)
                .build();
    }

    /** One imported or unwrapped private key (OBJ_ATTR_LOCAL = 0), made alone. */
    static HsmResult<GeneratedKey> createImportedPrivateKey(KeyCreation creation, HsmSession session,
                                                           AsymmetricMaterial m, KeyOptions o, SyncObserver observer) {
        return KeyCreation.Made.map(creation.createAll(List.of(privateKey(session, m, o, false)), o, true,
                observer), KeyCreation.Made::first);
    }

    /** What both halves' records share: owner, class, type, label, ID, flags, KCV; the length is each half's own. */
    private static KeyRecord.Builder record(HsmSession session, KeyClass keyClass, AsymmetricMaterial m, KeyOptions o,
                                            long flags, byte[] kcv) {
        return KeyRecord.builder().ownerId(session.user().id()).keyClass(keyClass).keyType(m.type().algorithm())
                .sizeBytes(m.valueLength()).label(o.label()).id(o.id()).flags(flags).kcv(kcv);
    }
}
