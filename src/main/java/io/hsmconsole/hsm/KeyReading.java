package io.hsmconsole.hsm;

import io.hsmconsole.hsm.audit.AuditArguments;
import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeyNaming;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.key.ListedKey;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.key.NodeKeyList;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a session reads about keys: one key's info and attributes ({@code getKeyInfo}, {@code getAttribute},
 * optionally attested), which keys it sees ({@code findKey}, by criteria, token and session keys), the key
 * list with each key's coverage, and CMU {@code findAllKeys} for officers.
 */
final class KeyReading {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final KeySummaries summaries = new KeySummaries();

    KeyReading(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    HsmResult<KeyInfo> keyInfo(long handle) {
        return session.withVisibleKey(handle, key -> {
            KeyInfo info = new KeyInfo(key.handle(), key.ownerId(), key.sharedWith(), key.mValue(),
                    HsmSession.isToken(key), session.holdingNodes(key), cluster.nodeRecords().size(), key.manageMValue());
            // Every node is asked whether it has the key: one still receiving it says it has not (0xa8).
            return HsmSession.isToken(key) ? HsmResult.ok(info, NodeLines.askingEveryNode(cluster.nodeRecords(),
                    session.homeNode(), cluster.store().copies(key.handle()), cluster.clock().nowMillis(),
                    ReturnCode.SUCCESS)) : session.ok(key, info);
        });
    }

    /** With {@code attest}, the serving node signs its answer and the result carries the verdict. */
    HsmResult<KeyAttributes> attributes(long handle, boolean attest) {
        HsmResult<KeyAttributes> result = session.withVisibleKey(handle, key -> session.ok(key, KeyAttributes.of(key)));
        if (attest && result.isSuccess()) {
            byte[] payload = ByteBuffer.allocate(Long.BYTES).putLong(handle).array();
            int node = result.nodes().isEmpty() ? session.homeNode() : result.nodes().get(0).nodeId();
            result = result.withAttestation(new Attestation(cluster).attest(node, result.code().code(), payload));
        }
        return result;
    }

    HsmResult<List<Long>> findKeys(KeyQuery q) {
        return session.audited("findKey", describe(q), find(q));
    }

    private static String describe(KeyQuery q) {
        StringBuilder b = new StringBuilder();
        if (q.keyClass() != null) {
            b.append(" -c ").append(q.keyClass());
        }
        if (q.keyType() != null) {
            b.append(" -t ").append(q.keyType());
        }
        if (q.label() != null) {
            b.append(" -l ").append(q.label());
        }
        if (q.id() != null) {
            b.append(" -id ").append(KeyNaming.shownId(q.id()));
        }
        if (q.session() != null) {
            b.append(" -sess ").append(q.session() ? 1 : 0);
        }
        if (!q.users().isEmpty()) {
            b.append(" -u ").append(AuditArguments.join(q.users()));
        }
        if (q.modulus() != null) {
            b.append(" -m <modulus>");
        }
        if (q.kcv() != null) {
            b.append(" -kcv ").append(Kcv.format(q.kcv()));
        }
        return b.toString().trim();
    }

    private HsmResult<List<Long>> find(KeyQuery q) {
        Optional<HsmResult<List<Long>>> refused = session.requireCryptoUser();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (q.users().size() > Credentials.MAX_USERS) {
            return session.fail(ReturnCode.TOO_MANY_USERS, null);
        }
        int userId = session.user().id();
        List<Long> handles = new ArrayList<>();
        if (!Boolean.TRUE.equals(q.session())) {
            // key_mgmt_util-findKey.md: the user's own and shared keys "and all public keys in the HSMs"
            // (other users' public keys match any -u: every user may use them), in one query
            handles.addAll(cluster.store().findKeys(new KeyFilter(userId, q.keyClass(), q.keyType(), q.label(),
                    q.id(), q.kcv(), q.users()).orAnyPublicKey()));
        }
        if (!Boolean.FALSE.equals(q.session())) {
            session.keys().all().stream().filter(k -> matches(k, q, userId)).map(KeyRecord::handle).forEach(handles::add);
        }
        if (q.modulus() != null) {
            handles.removeIf(h -> !session.lookup(h).map(k -> PairQueries.hasModulus(k, q.modulus())).orElse(false));
        }
        return HsmResult.ok(handles, NodeLines.all(cluster.nodeRecords(), session.homeNode(), ReturnCode.SUCCESS));
    }

    private static boolean matches(KeyRecord k, KeyQuery q, int userId) {
        return (q.keyClass() == null || q.keyClass() == k.keyClass().code())
                && (q.keyType() == null || q.keyType() == k.keyType().code())
                && (q.label() == null || q.label().equals(k.label()))
                && (q.id() == null || q.id().equals(k.id()))
                && (q.kcv() == null || Arrays.equals(q.kcv(), k.kcv()))
                && q.users().stream().allMatch(u -> u == userId);
    }

    HsmResult<List<KeySummary>> listKeys() {
        Optional<HsmResult<List<KeySummary>>> refused = session.requireCryptoUser();
        if (refused.isPresent()) {
            return refused.get();
        }
        // key_mgmt_util-findKey.md's rule, as findKey has it: own and shared keys and every public key, in one
        // query; a refresh after a change makes the rows of what changed only (KeySummaries)
        List<KeySummary> rows = summaries.of(cluster.store().listKeysWithCopies(
                        KeyFilter.visibleTo(session.user().id()).orAnyPublicKey()), session.keys().all(),
                session.homeNode(), cluster.nodeRecords().size(), cluster.clock().nowMillis());
        return HsmResult.ok(rows, List.of());
    }

    HsmResult<List<ListedKey>> keyListing(String label, boolean withPairValues) {
        Optional<HsmResult<List<ListedKey>>> refused = session.requireCryptoUser();
        if (refused.isPresent()) {
            return refused.get();
        }
        List<KeyRecord> keys = new ArrayList<>(cluster.store().listKeys(new KeyFilter(session.user().id(), null, null,
                label, null, null, List.of()).orAnyPublicKey()));
        session.keys().all().stream().filter(k -> label == null || label.equals(k.label())).forEach(keys::add);
        // The HSM's order: token and session keys by the counter their handles were taken from.
        keys.sort(Comparator.comparingLong((KeyRecord k) -> Handles.counterOf(k.handle())).thenComparingLong(KeyRecord::handle));
        List<ListedKey> rows = new ArrayList<>(keys.size());
        for (KeyRecord k : keys) {
            boolean pair = k.keyClass() == KeyClass.PUBLIC_KEY || k.keyClass() == KeyClass.PRIVATE_KEY;
            // a listed token key has no material (read when asked); a session key has its own
            rows.add(new ListedKey(k.handle(), () -> KeyAttributes.of(withPairValues && pair && HsmSession.isToken(k)
                    ? session.lookup(k.handle()).orElse(k) : k)));
        }
        return HsmResult.ok(rows, List.of());
    }

    HsmResult<List<NodeKeyList>> findAllKeys(int userId, boolean withHash) {
        HsmResult<List<NodeKeyList>> result;
        UserType type = session.user().type();
        if (!session.isOpen()) {
            result = HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        } else if (!type.isOfficer() && type != UserType.AU) {
            result = HsmResult.fail(ReturnCode.NOT_AUTHORIZED, NodeLines.all(cluster.nodeRecords(), session.homeNode(),
                    ReturnCode.NOT_AUTHORIZED));
        } else {
            result = new OwnershipListing(cluster).findAllKeys(userId, withHash, session.homeNode());
        }
        return session.audited("findAllKeys", userId + " " + (withHash ? 1 : 0), result);
    }
}
