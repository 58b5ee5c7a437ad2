package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quorum tokens of one session. They die with the session (as on CloudHSM), expire 10 minutes
 * after creation, and each complete token serves exactly one operation.
 */
final class QuorumTokens {
    static final int VALIDITY_MINUTES = 10;
    static final long VALIDITY_MILLIS = VALIDITY_MINUTES * 60 * 1000L;
    private static final int CHALLENGE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HsmClock clock;
    private final Map<Integer, QuorumToken> tokens = new LinkedHashMap<>();
    private int nextId = 1;

    QuorumTokens(HsmClock clock) {
        this.clock = clock;
    }

    synchronized QuorumToken create(QuorumService service, long handle, int node, String requester, int required) {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(challenge);
        long now = clock.nowMillis();
        QuorumToken t = new QuorumToken(nextId++, service, handle, node, requester, now, now + VALIDITY_MILLIS,
                challenge, required, List.of());
        tokens.put(t.id(), t);
        return t;
    }

    /** A live (unexpired) token. */
    synchronized Optional<QuorumToken> live(int id) {
        QuorumToken t = tokens.get(id);
        return t != null && clock.nowMillis() < t.expiresAtMillis() ? Optional.of(t) : Optional.empty();
    }

    /**
     * Adds an approver to the token as it is now (not as some caller read it: two approvals checked
     * at once must both count). Empty when the token expired or was used or deleted meanwhile.
     */
    synchronized Optional<QuorumToken> addApprover(int id, String approver) {
        Optional<QuorumToken> approved = live(id).map(t -> t.approvedBy(approver) ? t : t.withApprover(approver));
        approved.ifPresent(t -> tokens.put(t.id(), t));
        return approved;
    }

    /** Whether a complete, unexpired token for this operation exists (without using it). */
    synchronized boolean ready(QuorumService service, long handle, int required) {
        return find(service, handle, required).isPresent();
    }

    /** Uses up a complete, unexpired token for this operation; false when there is none. */
    synchronized boolean consume(QuorumService service, long handle, int required) {
        Optional<QuorumToken> t = find(service, handle, required);
        t.ifPresent(token -> tokens.remove(token.id()));
        return t.isPresent();
    }

    private Optional<QuorumToken> find(QuorumService service, long handle, int required) {
        long now = clock.nowMillis();
        return tokens.values().stream().filter(t -> t.service() == service && t.keyHandle() == handle
                && now < t.expiresAtMillis() && t.approvers().size() >= required).findFirst();
    }

    synchronized List<QuorumToken> all() {
        return new ArrayList<>(tokens.values());
    }

    synchronized boolean delete(int id) {
        return tokens.remove(id) != null;
    }

    synchronized void clear() {
        tokens.clear();
    }
}
