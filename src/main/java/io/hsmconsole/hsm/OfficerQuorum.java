package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.UserRecord;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Quorum for crypto officers (quorum-authentication-crypto-officers*.md): the HSM keeps one m value
 * per officers' service, 1 until an officer sets it (setMValue). Once USER_MGMT's is 2 or more,
 * createUser, deleteUser and changing another user's password each use up a token of this session
 * for USER_MGMT with that many officers' approvals. setMValue is MISC_CO's command: while MISC_CO's
 * or the changed service's m value is 2 or more it needs a MISC_CO token approved by at least the
 * higher of the two ("only when the number of approvers is the same or higher than the current
 * quorum minimum value"). A service whose m value is 1 gives no token.
 * <p>
 * The m values are cluster data kept with the HSM's identities (name {@code quorum/m_value/<service>}),
 * so both store backends and a cluster export carry them without a schema of their own.
 */
final class OfficerQuorum {
    /** A service's m value before any setMValue, as getMValue 4 shows it on the pages. */
    static final int DEFAULT = 1;
    private static final String PREFIX = "quorum/m_value/";

    private final HsmCluster cluster;
    private final HsmSession session;
    private final QuorumTokens tokens;

    OfficerQuorum(HsmCluster cluster, HsmSession session, QuorumTokens tokens) {
        this.cluster = cluster;
        this.session = session;
        this.tokens = tokens;
    }

    static int mValue(ClusterStore store, QuorumService service) {
        return store.identity(PREFIX + service.number())
                .map(i -> Integer.parseInt(new String(i.certificate(), StandardCharsets.US_ASCII)))
                .orElse(DEFAULT);
    }

    int mValue(QuorumService service) {
        return mValue(cluster.store(), service);
    }

    /** getToken 3|4: an officer asks for approval of one operation of a service whose m value is 2 or more. */
    HsmResult<QuorumToken> getToken(QuorumService service) {
        if (!session.user().type().isOfficer()) {
            return session.fail(ReturnCode.NOT_AUTHORIZED, null);
        }
        int m = mValue(service);
        if (!MValue.needsQuorum(m)) {
            return session.fail(ReturnCode.OFFICER_QUORUM_NOT_SET, null);
        }
        return session.ok(null, tokens.create(service, 0, session.homeNode(), session.user().name(), m));
    }

    /**
     * For createUser, deleteUser or another user's changePswd that passed every other rule: empty when
     * USER_MGMT needs no quorum or a complete token is ready (call {@link #used} once the operation is
     * done), else QUORUM_REQUIRED.
     */
    Optional<ReturnCode> whyNotApproved() {
        return whyNot(userManagement());
    }

    /** Uses up the USER_MGMT token {@link #whyNotApproved} found (a token serves one operation). */
    void used() {
        use(userManagement());
    }

    private Optional<ReturnCode> whyNot(Need need) {
        return need.approvals() == 0 || tokens.ready(need.token(), 0, need.approvals())
                ? Optional.empty() : Optional.of(ReturnCode.QUORUM_REQUIRED);
    }

    private void use(Need need) {
        if (need.approvals() > 0) {
            tokens.consume(need.token(), 0, need.approvals());
        }
    }

    /** setMValue: who may, which values, the quorum; the new value is written for every node at once. */
    HsmResult<Void> setMValue(QuorumService service, int value) {
        if (!session.user().type().isOfficer()) {
            return session.fail(ReturnCode.NOT_AUTHORIZED, null);
        }
        long officers = cluster.store().users().stream().filter(u -> u.type().isOfficer()).count();
        if (value < DEFAULT || value > MValue.MAX || value > officers) {
            return session.fail(ReturnCode.SERVICE_M_VALUE_INVALID, null);
        }
        Need need = setting(service);
        Optional<ReturnCode> refused = whyNot(need);
        if (refused.isPresent()) {
            return session.fail(refused.get(), null);
        }
        use(need);
        cluster.write(tx -> {
            tx.putIdentity(new IdentityItem(PREFIX + service.number(),
                    Integer.toString(value).getBytes(StandardCharsets.US_ASCII), null));
            return null;
        });
        return session.ok(null, null);
    }

    /** Whether this user may approve a token of an officers' service: any crypto officer (PCO or CO). */
    static boolean eligible(UserRecord approver) {
        return approver.type().isOfficer();
    }

    /** A token of {@code token}'s service with at least {@code approvals} approvals; 0: none needed. */
    private record Need(QuorumService token, int approvals) {
    }

    private Need userManagement() {
        return need(QuorumService.USER_MGMT, mValue(QuorumService.USER_MGMT));
    }

    /** setMValue is MISC_CO's command: the higher of MISC_CO's and the changed service's m value. */
    private Need setting(QuorumService changed) {
        return need(QuorumService.MISC_CO, Math.max(mValue(QuorumService.MISC_CO), mValue(changed)));
    }

    private static Need need(QuorumService token, int mValue) {
        return new Need(token, MValue.needsQuorum(mValue) ? mValue : 0);
    }
}
