package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.UserRecord;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Quorum (M of N) for keys: getToken, approvals that are verified signatures of the token's
 * challenge by each approver's registered RSA-2048 quorum key, and the check that an operation on
 * a key with m_value ≥ 2 has a complete token. Approvers must be the key's owner or users it is
 * shared with; each counts once. Tokens of the officers' services ({@link OfficerQuorum}) are
 * approved here the same way, by crypto officers.
 */
final class QuorumApprovals {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final QuorumTokens tokens;

    QuorumApprovals(HsmCluster cluster, HsmSession session, QuorumTokens tokens) {
        this.cluster = cluster;
        this.session = session;
        this.tokens = tokens;
    }

    HsmResult<QuorumToken> getToken(QuorumService service, long handle) {
        if (service.forOfficers()) {
            throw new IllegalArgumentException("services 3 and 4 have no key: OfficerQuorumCommands.getToken");
        }
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        int required = required(service, key.get());
        if (!MValue.needsQuorum(required)) {
            return session.fail(ReturnCode.QUORUM_NOT_REQUIRED, key.get());
        }
        QuorumToken t = tokens.create(service, handle, session.homeNode(), session.user().name(), required);
        return session.ok(key.get(), t);
    }

    /** An approval signed elsewhere (e.g. with openssl) by the approver's registered quorum key. */
    HsmResult<QuorumToken> approve(int tokenId, String approver, byte[] signature) {
        Optional<QuorumToken> token = tokens.live(tokenId);
        if (token.isEmpty()) {
            return session.fail(ReturnCode.QUORUM_TOKEN_INVALID, null);
        }
        Optional<UserRecord> user = cluster.store().userByName(approver);
        if (user.isEmpty() || user.get().quorumPublicKey() == null || !eligible(token.get(), user.get())
                || token.get().approvedBy(user.get().name())
                || !QuorumSignatures.verify(user.get().quorumPublicKey(), token.get().challenge(), signature)) {
            return session.fail(refusal(token.get()), null);
        }
        return tokens.addApprover(tokenId, user.get().name()).map(approved -> session.<QuorumToken>ok(null, approved))
                .orElseGet(() -> session.fail(ReturnCode.QUORUM_TOKEN_INVALID, null));
    }

    /**
     * The console's approval: the approver proves who they are with their password (a login, with
     * its lockout), and the simulator signs with the quorum key it keeps for them — enrolling one
     * on first use — then the approval is verified like any other.
     */
    HsmResult<QuorumToken> approveWithPassword(int tokenId, String approver, char[] password) {
        Optional<QuorumToken> token = tokens.live(tokenId);
        if (token.isEmpty()) {
            return session.fail(ReturnCode.QUORUM_TOKEN_INVALID, null);
        }
        // Each approver logs in as what they are; whether that may approve this token is asked after.
        UserType approverType = cluster.store().userByName(approver).map(UserRecord::type).orElse(UserType.CU);
        HsmResult<HsmSession> login = cluster.login(LoginChannel.CONSOLE, approverType, approver, password);
        if (!login.isSuccess()) {
            return session.fail(login.code(), null);
        }
        login.value().close();
        if (!eligible(token.get(), cluster.store().userById(login.value().user().id()).orElseThrow())) {
            return session.fail(refusal(token.get()), null); // before a quorum key is enrolled for them
        }
        Optional<IdentityItem> key = heldQuorumKey(login.value().user().id());
        if (key.isEmpty()) {
            // The user registered a key of their own: only they can sign with it (approveToken).
            return session.fail(refusal(token.get()), null);
        }
        return approve(tokenId, approver, QuorumSignatures.sign(key.get().privateKey(), token.get().challenge()));
    }

    /** The quorum key the simulator keeps for a user, made on first use unless they registered their own. */
    private Optional<IdentityItem> heldQuorumKey(int userId) {
        String name = "user/" + userId + "/quorum";
        Optional<IdentityItem> held = cluster.store().identity(name);
        if (held.isPresent()) {
            return held;
        }
        if (cluster.store().userById(userId).map(u -> u.quorumPublicKey() != null).orElse(true)) {
            return Optional.empty();
        }
        return enroll(userId, name);
    }

    /** Empty when the user registered a key of their own meanwhile (only they can sign with it). */
    private Optional<IdentityItem> enroll(int userId, String name) {
        AsymmetricCipherKeyPair pair = QuorumSignatures.newKeyPair(new SecureRandom());
        IdentityItem made = new IdentityItem(name, QuorumSignatures.publicDer(pair), QuorumSignatures.privateDer(pair));
        return cluster.write(tx -> {
            // Another session may have enrolled this user meanwhile: keep its key, or the approval it
            // signs would no longer match the registered one.
            Optional<IdentityItem> enrolled = tx.identity(name);
            Optional<UserRecord> user = tx.userById(userId);
            if (enrolled.isPresent() || user.isEmpty() || user.get().quorumPublicKey() != null) {
                return enrolled;
            }
            tx.putIdentity(made);
            tx.updateUser(user.get().withQuorumPublicKey(made.certificate()));
            return Optional.of(made);
        });
    }

    /** Who may approve operations on this key: its owner and the users it is shared with, by user ID. */
    HsmResult<List<Integer>> approvers(long handle) {
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return session.fail(ReturnCode.INVALID_HANDLE, null);
        }
        List<Integer> ids = new java.util.ArrayList<>();
        ids.add(key.get().ownerId());
        ids.addAll(key.get().sharedWith());
        return session.ok(key.get(), List.copyOf(ids));
    }

    private static ReturnCode refusal(QuorumToken token) {
        return token.service().forOfficers() ? ReturnCode.OFFICER_APPROVAL_INVALID : ReturnCode.QUORUM_APPROVAL_INVALID;
    }

    private boolean eligible(QuorumToken token, UserRecord approver) {
        if (token.service().forOfficers()) {
            return OfficerQuorum.eligible(approver);
        }
        Optional<KeyRecord> key = session.lookup(token.keyHandle());
        return key.isPresent() && (key.get().ownerId() == approver.id() || key.get().sharedWith().contains(approver.id()));
    }

    /**
     * For an operation on a quorum key: empty when the key needs no quorum or a complete token was
     * used up for it, else QUORUM_REQUIRED. Call it last, when every other rule has passed.
     */
    Optional<ReturnCode> useToken(QuorumService service, KeyRecord key) {
        int required = required(service, key);
        if (!MValue.needsQuorum(required) || tokens.consume(service, key.handle(), required)) {
            return Optional.empty();
        }
        return Optional.of(ReturnCode.QUORUM_REQUIRED);
    }

    boolean ready(QuorumService service, KeyRecord key) {
        int required = required(service, key);
        return !MValue.needsQuorum(required) || tokens.ready(service, key.handle(), required);
    }

    /**
     * The approvals a key service needs for this key: its use value for USE_KEY, its management value
     * for MANAGE_KEY (equal for keys KMU made, whose one m_value guards both).
     */
    static int required(QuorumService service, KeyRecord key) {
        return service == QuorumService.MANAGE_KEY ? key.manageMValue() : key.mValue();
    }

    List<QuorumToken> list() {
        return tokens.all();
    }
}
