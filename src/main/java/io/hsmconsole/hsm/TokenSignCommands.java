package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import io.hsmconsole.hsm.quorum.TokenTimeouts;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.UserRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A session's commands of Client SDK 5's token-sign quorum ({@link HsmSession#tokenSign()},
 * quorum-auth-chsm-cli*.md): an admin generates a token for the {@code user} or {@code quorum}
 * service, approvers sign it outside the HSM with the RSA keys they registered, and the admin runs
 * the guarded operation with the signed token ({@link #withApproval}). The HSM verifies each
 * signature, turns the token into an approved one for this session (the same tokens the officers'
 * quorum of {@link OfficerQuorum} uses up, so the m values and the rule of who needs how many
 * approvals stay in one place), runs the operation and, when it succeeded, deletes the token: a token
 * serves one operation; a refused operation leaves it for another try.
 */
public final class TokenSignCommands {
    private final HsmCluster cluster;
    private final HsmSession session;
    private final QuorumTokens sessionTokens;

    TokenSignCommands(HsmCluster cluster, HsmSession session, QuorumTokens sessionTokens) {
        this.cluster = cluster;
        this.session = session;
        this.sessionTokens = sessionTokens;
    }

    /** One token the cluster holds, as {@code quorum token-sign list} shows it. */
    public record Listing(String username, TokenSignService service, int approvalsRequired, int approvals,
                          long timeoutSeconds) {
    }

    /**
     * {@code quorum token-sign generate}: a token of this admin for {@code user} or {@code quorum}
     * (replacing their earlier one: one token per user per service), or a registration token.
     */
    public HsmResult<TokenSignToken> generate(TokenSignService service) {
        HsmResult<TokenSignToken> r;
        if (!session.isOpen()) {
            r = HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        } else if (service == TokenSignService.REGISTRATION) {
            r = session.ok(null, cluster.tokenSign().registrationToken());
        } else if (!mayGenerate(service)) {
            r = session.fail(ReturnCode.NOT_AUTHORIZED, null);
        } else {
            TokenSignToken t = cluster.tokenSign().token(service, session.user().name(), cluster.nodeIds().size());
            ClusterTokens.put(cluster, t, session.user().id());
            r = session.ok(null, t);
        }
        return session.audited("getToken", "-service " + service.cliName(), r);
    }

    /**
     * The service's type decides who generates its tokens (cloudhsm_cli-qm-token-gen.md's table):
     * admins the admins' services, crypto users the key services.
     */
    private boolean mayGenerate(TokenSignService service) {
        return service.keyService().isPresent() ? session.user().type() == UserType.CU
                : session.user().type().isOfficer();
    }

    /** {@code quorum token-sign list}: every live token of the cluster, oldest first; admins and crypto users may list. */
    public HsmResult<List<Listing>> list() {
        if (!session.isOpen()) {
            return HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        }
        long now = cluster.clock().nowMillis();
        TokenTimeouts timeouts = TokenTimeoutSetting.read(cluster.store());
        List<Listing> tokens = new ArrayList<>();
        List<ClusterTokens.Named> all = new ArrayList<>(ClusterTokens.all(cluster.store()));
        all.sort(java.util.Comparator.comparingLong((ClusterTokens.Named n) -> n.token().createdAtMillis())
                .thenComparing(n -> n.token().username()));
        for (ClusterTokens.Named n : all) {
            TokenSignToken t = n.token();
            if (t.service() != TokenSignService.REGISTRATION && t.isLive(now, timeouts)) {
                // A key service's token names no key until it is used, so no key's value is required of it yet.
                int m = t.service().officersService().map(q -> OfficerQuorum.mValue(cluster.store(), q)).orElse(0);
                tokens.add(new Listing(t.username(), t.service(), m, t.approvals(), t.remainingSeconds(now, timeouts)));
            }
        }
        return session.ok(null, List.copyOf(tokens));
    }

    /** {@code quorum token-sign delete}: this admin's tokens, or ({@code everyone}) every token of the cluster. */
    public HsmResult<Void> delete(boolean everyone) {
        HsmResult<Void> r;
        if (!session.isOpen()) {
            r = HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        } else if (!session.user().type().isOfficer()) {
            r = session.fail(ReturnCode.NOT_AUTHORIZED, null);
        } else {
            int id = session.user().id();
            cluster.write(tx -> {
                if (everyone) {
                    tx.deleteIdentities(ClusterTokens.allPrefix());
                } else {
                    tx.deleteIdentities(ClusterTokens.userPrefix(TokenSignService.USER, id));
                    tx.deleteIdentities(ClusterTokens.userPrefix(TokenSignService.QUORUM, id));
                }
                return null;
            });
            r = session.ok(null, null);
        }
        return session.audited("delToken", everyone ? "-scope all" : "-scope user", r);
    }

    /** {@code quorum token-sign set-quorum-value}: the officers' setMValue, approved by a {@code quorum} token when given. */
    public HsmResult<Void> setQuorumValue(TokenSignService service, int value, Optional<SignedApproval> approval) {
        QuorumService changed = service.officersService()
                .orElseThrow(() -> new IllegalArgumentException("registration has no quorum value"));
        return withApproval(TokenSignService.QUORUM, approval, () -> session.officerQuorum().setMValue(changed, value));
    }

    /**
     * Runs {@code operation} (one the {@code service}'s quorum guards: user create, delete,
     * change-password for {@code user}; set-quorum-value for {@code quorum}) with the signed token,
     * if one is given. The token must be this admin's live token for the service with the same
     * approval data; every signature must be an admin's, once each, verifying with the key they
     * registered. Whether there are enough is the operation's rule, as without a token.
     */
    public <T> HsmResult<T> withApproval(TokenSignService service, Optional<SignedApproval> approval,
                                         Supplier<HsmResult<T>> operation) {
        if (approval.isEmpty() || !session.isOpen() || !session.user().type().isOfficer()) {
            return operation.get(); // a crypto user's operation is judged as without a token (only admins hold them)
        }
        QuorumService officers = service.officersService()
                .orElseThrow(() -> new IllegalArgumentException("not an admins' service: " + service));
        return approved(service, approval.get(), new Approvers(officers, 0, OfficerQuorum::eligible, true), operation);
    }

    /**
     * Runs {@code operation} on the key {@code handle} (crypto sign for {@code key-usage}; key share,
     * unshare, set-attribute for {@code key-management}) with a crypto user's signed token, if one is
     * given (key-quorum-auth-chsm-cli-crypto-user.md). The token must be a live one of this user for the
     * service with the same approval data, and every signature must verify with its user's registered
     * quorum key, each user once; only the users the key is associated with (its owner and the users it
     * is shared with) count toward the key's value for the service. Whether they are enough is the
     * operation's rule, as with KMU's approved tokens.
     */
    public <T> HsmResult<T> withKeyApproval(TokenSignService service, long handle, Optional<SignedApproval> approval,
                                            Supplier<HsmResult<T>> operation) {
        QuorumService keyService = service.keyService()
                .orElseThrow(() -> new IllegalArgumentException("not a key service: " + service));
        if (approval.isEmpty() || !session.isOpen() || session.user().type() != UserType.CU) {
            return operation.get(); // only crypto users hold key tokens
        }
        Optional<KeyRecord> key = session.lookup(handle).filter(session::isVisible);
        if (key.isEmpty()) {
            return operation.get(); // the operation answers for a key this user cannot see
        }
        Predicate<UserRecord> associated = u -> key.get().ownerId() == u.id() || key.get().sharedWith().contains(u.id());
        return approved(service, approval.get(), new Approvers(keyService, handle, associated, false), operation);
    }

    /**
     * Who may approve what: the HSM service and key (0 for none) the approvals are for, who counts, and
     * whether a signature by someone who does not count refuses the whole approval (the admins'
     * services) or is only left uncounted (the key services: approvals by users not associated with
     * the key do not count).
     */
    private record Approvers(QuorumService hsmService, long handle, Predicate<UserRecord> counts,
                             boolean othersRefused) {
    }

    private <T> HsmResult<T> approved(TokenSignService service, SignedApproval signed, Approvers who,
                                      Supplier<HsmResult<T>> operation) {
        String name = ClusterTokens.name(service, session.user().id(), TokenSignToken.sha256(signed.approvalData()));
        long now = cluster.clock().nowMillis();
        if (!Arrays.equals(signed.token(), TokenSignToken.sha256(signed.approvalData()))
                || ClusterTokens.liveMatching(cluster.store(), name, signed.approvalData(), now).isEmpty()) {
            return refusedApproval(service, ReturnCode.QUORUM_TOKEN_INVALID);
        }
        Optional<List<String>> approvers = approvers(signed, who);
        if (approvers.isEmpty()) {
            return refusedApproval(service, who.othersRefused() ? ReturnCode.OFFICER_APPROVAL_INVALID
                    : ReturnCode.KEY_APPROVAL_INVALID);
        }
        TokenTimeouts timeouts = TokenTimeoutSetting.read(cluster.store());
        Optional<TokenSignToken> claimed = cluster.write(tx -> {
            Optional<TokenSignToken> t = ClusterTokens.liveMatching(tx, name, signed.approvalData(), now, timeouts);
            t.ifPresent(x -> tx.deleteIdentities(name));
            return t;
        });
        if (claimed.isEmpty()) {
            // used or replaced meanwhile by another run of this user
            return refusedApproval(service, ReturnCode.QUORUM_TOKEN_INVALID);
        }
        int required = required(who);
        QuorumToken approved = sessionTokens.create(who.hsmService(), who.handle(), session.homeNode(),
                session.user().name(), required);
        approvers.get().forEach(a -> sessionTokens.addApprover(approved.id(), a));
        HsmResult<T> r;
        try {
            r = operation.get();
        } finally {
            sessionTokens.delete(approved.id()); // already gone when the operation used it
        }
        if (!r.isSuccess()) {
            // the HSM has seen these approvals: the token keeps them, and lives the approved timeout once they suffice
            restore(name, claimed.get().withApprovals(approvers.get().size(), required, now));
        }
        return r;
    }

    /** The approvals the service needs now: the admins' service's m value, or the key's value for the service. */
    private int required(Approvers who) {
        if (who.hsmService().forOfficers()) {
            return OfficerQuorum.mValue(cluster.store(), who.hsmService());
        }
        return session.lookup(who.handle()).map(k -> QuorumApprovals.required(who.hsmService(), k)).orElse(0);
    }

    /**
     * The users who count, each once; empty when any signature is refused: its user unknown, without a
     * registered key, signing twice, not verifying over the approval data, or (admins' services) not
     * one who may approve.
     */
    private Optional<List<String>> approvers(SignedApproval signed, Approvers who) {
        List<String> seen = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        for (SignedApproval.Signature s : signed.signatures()) {
            Optional<UserRecord> user = cluster.store().userByName(s.username());
            if (user.isEmpty() || user.get().quorumPublicKey() == null
                    || seen.stream().anyMatch(n -> n.equalsIgnoreCase(user.get().name()))
                    || !QuorumSignatures.verify(user.get().quorumPublicKey(), signed.approvalData(), s.signature())) {
                return Optional.empty();
            }
            seen.add(user.get().name());
            if (who.counts().test(user.get())) {
                counted.add(user.get().name());
            } else if (who.othersRefused()) {
                return Optional.empty();
            }
        }
        return Optional.of(counted);
    }

    /**
     * {@code quorum token-sign set-timeout}: admins only (cloudhsm_cli-qm-token-set-tm.md); each given
     * timeout replaces the cluster's, and judges every token from then on (tokens already made included).
     */
    public HsmResult<TokenTimeouts> setTimeouts(OptionalLong generatedSeconds, OptionalLong approvedSeconds) {
        String arguments = (generatedSeconds.isPresent() ? "-generated " + generatedSeconds.getAsLong() : "")
                + (generatedSeconds.isPresent() && approvedSeconds.isPresent() ? " " : "")
                + (approvedSeconds.isPresent() ? "-approved " + approvedSeconds.getAsLong() : "");
        HsmResult<TokenTimeouts> r;
        if (!session.isOpen()) {
            r = HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        } else if (!session.user().type().isOfficer()) {
            r = session.fail(ReturnCode.NOT_AUTHORIZED, null);
        } else if (generatedSeconds.isEmpty() && approvedSeconds.isEmpty()
                || generatedSeconds.isPresent() && !TokenTimeouts.isValid(generatedSeconds.getAsLong())
                || approvedSeconds.isPresent() && !TokenTimeouts.isValid(approvedSeconds.getAsLong())) {
            r = session.fail(ReturnCode.TOKEN_TIMEOUT_INVALID, null);
        } else {
            TokenTimeouts set = cluster.write(tx -> {
                TokenTimeouts changed = TokenTimeoutSetting.read(tx, cluster.store().location());
                if (generatedSeconds.isPresent()) {
                    changed = changed.withGenerated(generatedSeconds.getAsLong());
                }
                if (approvedSeconds.isPresent()) {
                    changed = changed.withApproved(approvedSeconds.getAsLong());
                }
                TokenTimeoutSetting.write(tx, changed);
                return changed;
            });
            r = session.ok(null, set);
        }
        return session.audited("setTokenTimeout", arguments, r);
    }

    /** A refused operation leaves the token for another try, unless the admin made a new one meanwhile. */
    private void restore(String name, TokenSignToken token) {
        int id = session.user().id();
        cluster.write(tx -> {
            if (tx.identity(name).isEmpty()) {
                tx.putIdentity(ClusterTokens.item(token, id));
            }
            return null;
        });
    }

    private <T> HsmResult<T> refusedApproval(TokenSignService service, ReturnCode code) {
        return session.audited("approveToken", "-service " + service.cliName(), session.fail(code, null));
    }

    /**
     * {@code user change-quorum token-sign register}: an admin or a crypto user registers their quorum
     * public key with a registration token they signed with its private key (crypto users, to approve
     * operations on the keys they are associated with: key-quorum-auth-chsm-cli-crypto-user.md). The key
     * replaces the one registered before (by this command or registerQuorumPubKey: the same key).
     */
    public HsmResult<Void> register(byte[] publicKeyDer, SignedApproval registration) {
        if (!session.isOpen()) {
            return session.audited("registerQuorumPubKey", "", HsmResult.refused(ReturnCode.NOT_LOGGED_IN));
        }
        if (!session.user().type().isOfficer() && session.user().type() != UserType.CU) {
            return session.audited("registerQuorumPubKey", session.user().name(), session.fail(ReturnCode.NOT_AUTHORIZED, null));
        }
        String name = ClusterTokens.name(TokenSignService.REGISTRATION, 0, TokenSignToken.sha256(registration.approvalData()));
        long now = cluster.clock().nowMillis();
        if (!Arrays.equals(registration.token(), TokenSignToken.sha256(registration.approvalData()))
                || ClusterTokens.liveMatching(cluster.store(), name, registration.approvalData(), now).isEmpty()) {
            return refusedApproval(TokenSignService.REGISTRATION, ReturnCode.QUORUM_TOKEN_INVALID);
        }
        byte[] signature = registration.signatures().isEmpty() ? new byte[0] : registration.signatures().get(0).signature();
        HsmResult<Void> r = session.users().registerQuorumKey(session.user().type(), session.user().name(),
                registration.approvalData(), signature, publicKeyDer);
        if (r.isSuccess()) {
            cluster.write(tx -> {
                tx.deleteIdentities(name);
                return null;
            });
        }
        return r;
    }
}
