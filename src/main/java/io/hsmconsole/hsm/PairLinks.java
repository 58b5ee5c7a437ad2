package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.AsymmetricMaterial;
import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.hsm.key.PairFacts;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which keys belong together as a pair. The HSM keeps no link between the two objects: two keys are
 * halves of one pair when they carry the same public key. The KCV (the first bytes of the public key's
 * SHA-1, shared by both halves) narrows the search to a few candidates in one query; comparing the
 * public keys themselves decides, so a KCV collision never links strangers.
 */
final class PairLinks {
    private final HsmCluster cluster;
    private final HsmSession session;

    PairLinks(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    /** The facts of a key pair half this user can see; INVALID_HANDLE for one it cannot, KEY_CLASS_INVALID for a secret key. */
    HsmResult<PairFacts> facts(long handle) {
        return session.withVisibleKey(handle, key -> {
            Optional<AsymmetricMaterial> material = AsymmetricMaterial.of(key.keyClass().code(), key.material());
            if (material.isEmpty()) {
                return session.fail(ReturnCode.KEY_CLASS_INVALID, key);
            }
            AsymmetricMaterial m = material.get();
            byte[] publicKey = m.publicKeyInfo();
            return session.ok(key, new PairFacts(handle, m.type(), m.isPrivate(), publicKey, m.bits(),
                    m.curve().orElse(null), otherHalves(key, publicKey)));
        });
    }

    private List<Long> otherHalves(KeyRecord key, byte[] publicKey) {
        boolean isPublic = key.keyClass() == KeyClass.PUBLIC_KEY;
        KeyClass other = isPublic ? KeyClass.PRIVATE_KEY : KeyClass.PUBLIC_KEY;
        // Everyone's public keys are visible; of private keys only this user's own and shared ones.
        Integer visibleTo = isPublic ? session.user().id() : null;
        List<KeyRecord> candidates = new ArrayList<>();
        for (long h : cluster.store().findKeys(new KeyFilter(visibleTo, other.code(), key.keyType().code(), null, null,
                key.kcv(), List.of()))) {
            cluster.store().key(h).ifPresent(candidates::add);
        }
        session.keys().all().stream().filter(k -> k.keyClass() == other && k.keyType() == key.keyType()).forEach(candidates::add);
        return candidates.stream().filter(session::isVisible)
                .filter(k -> AsymmetricMaterial.of(k.keyClass().code(), k.material())
                        .map(m -> Arrays.equals(m.publicKeyInfo(), publicKey)).orElse(false))
                .map(KeyRecord::handle).distinct().sorted(Comparator.comparingLong(Handles::counterOf)).toList();
    }
}
