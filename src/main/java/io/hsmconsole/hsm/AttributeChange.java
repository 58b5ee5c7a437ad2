package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code setAttribute}: who may change which attribute ({@link AttributeRules}, quorum for m_value ≥ 2),
 * the change itself, and a session key's promotion to a token key. {@link #whyNotModifiable} is the
 * same answer asked ahead, for the inspector.
 */
final class AttributeChange {
    private final HsmCluster cluster;
    private final HsmSession session;

    AttributeChange(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    Optional<ReturnCode> whyNotModifiable(long handle, Attribute attribute) {
        Optional<KeyRecord> key = session.lookup(handle);
        if (key.isEmpty() || (session.user().type() == UserType.CU && !session.isVisible(key.get()))) {
            return Optional.of(ReturnCode.INVALID_HANDLE);
        }
        return AttributeRules.whyNotModifiable(session.user().type(), session.isOwner(key.get()), key.get(), attribute)
                .filter(why -> why != ReturnCode.QUORUM_REQUIRED
                        || !session.quorum().ready(QuorumService.MANAGE_KEY, key.get()));
    }

    HsmResult<Void> change(long handle, Attribute attribute, long number, String text) {
        if (!session.isOpen()) {
            return HsmResult.refused(ReturnCode.NOT_LOGGED_IN); // a logged-out session changes nothing
        }
        Optional<KeyRecord> found = session.lookup(handle);
        boolean officer = session.user().type().isOfficer();
        if (found.isEmpty() || (!officer && !session.isVisible(found.get()))) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        KeyRecord key = found.get();
        Optional<ReturnCode> rule = AttributeRules.whyNotModifiable(session.user().type(), session.isOwner(key), key, attribute);
        Optional<ReturnCode> refusal = rule.filter(why -> why != ReturnCode.QUORUM_REQUIRED)
                .or(() -> AttributeRules.whyValueInvalid(attribute, number, text))
                .or(() -> rule.isPresent() ? session.quorum().useToken(QuorumService.MANAGE_KEY, key) : Optional.empty());
        if (refusal.isPresent()) {
            return session.fail(refusal.get(), key);
        }
        if (attribute == Attribute.TOKEN) {
            return promoteToToken(key);
        }
        UnaryOperator<KeyRecord> change = k -> attribute == Attribute.LABEL ? k.withLabel(text)
                : k.withFlags(KeyFlags.with(k.flags(), attribute, number == 1));
        if (!HsmSession.isToken(key)) {
            session.keys().put(change.apply(key));
            return session.ok(key, null);
        }
        boolean stillThere = cluster.write(tx -> {
            // Applied to the key as this transaction reads it: another process may have changed its
            // other attributes or its shares since we read it, and those changes must stay.
            Optional<KeyRecord> current = tx.key(handle);
            current.ifPresent(k -> tx.updateKey(change.apply(k)));
            return current.isPresent();
        });
        return stillThere ? session.ok(key, null) : session.fail(ReturnCode.INVALID_HANDLE, null);
    }

    /** {@code setAttribute -o H -a 1}: a session key becomes a token key, keeps its handle and replicates. */
    private HsmResult<Void> promoteToToken(KeyRecord sessionKey) {
        KeyRecord token = sessionKey.withFlags(KeyFlags.with(sessionKey.flags(), Attribute.TOKEN, true));
        List<NodeRecord> nodesSeen = new ArrayList<>();
        List<KeyCopy> copiesMade = new ArrayList<>();
        ReturnCode outcome = cluster.write(tx -> {
            if (tx.tokenKeyCount() >= tx.cluster().keyCapacity()) {
                return ReturnCode.CLUSTER_FULL;
            }
            if (!token.id().isEmpty() && tx.keyIdExists(token.id())) {
                return ReturnCode.DUPLICATE_KEY_ID;
            }
            List<KeyCopy> copies = KeyCreation.copiesFrom(token.handle(), session.homeNode(), tx.nodes(),
                    cluster.clock().nowMillis());
            tx.insertKey(token, copies);
            nodesSeen.addAll(tx.nodes());
            copiesMade.addAll(copies);
            return ReturnCode.SUCCESS;
        });
        if (!outcome.isSuccess()) {
            return session.fail(outcome, sessionKey);
        }
        session.keys().remove(sessionKey.handle());
        // Like a new token key, it is on every online HSM before the command returns (setAttribute.md
        // shows both HSMs answering).
        return HsmResult.ok(null, new KeyCreation(cluster, session).awaitEveryOnlineNode(token.handle(),
                session.homeNode(), copiesMade, nodesSeen));
    }
}
