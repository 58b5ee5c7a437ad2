package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.quorum.SignedApproval;
import io.hsmconsole.hsm.quorum.TokenSignService;
import io.hsmconsole.hsm.quorum.TokenSignToken;
import io.hsmconsole.hsm.quorum.TokenTimeouts;
import io.hsmconsole.store.UserRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
        } else if (!session.user().type().isOfficer()) {
            r = session.fail(ReturnCode.NOT_AUTHORIZED, null);
        } else {
            TokenSignToken t = cluster.tokenSign().token(service, session.user().name(), cluster.nodeIds().size());
            ClusterTokens.put(cluster, t, session.user().id());
            r = session.ok(null, t);
        }
        return session.audited("getToken", "-service " + service.cliName(), r);
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
                int m = OfficerQuorum.mValue(cluster.store(), t.service().officersService().orElseThrow());
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
                .orElseThrow(() -> new IllegalArgumentException("a registration token approves no operation"));
        SignedApproval signed = approval.get();
        String name = ClusterTokens.name(service, session.user().id(), null);
        long now = cluster.clock().nowMillis();
        if (!Arrays.equals(signed.token(), TokenSignToken.sha256(signed.approvalData()))
                || ClusterTokens.liveMatching(cluster.store(), name, signed.approvalData(), now).isEmpty()) {
            return refusedApproval(service, ReturnCode.QUORUM_TOKEN_INVALID);
        }
        Optional<List<String>> approvers = approvers(signed);
        if (approvers.isEmpty()) {
            return refusedApproval(service, ReturnCode.OFFICER_APPROVAL_INVALID);
        }
        TokenTimeouts timeouts = TokenTimeoutSetting.read(cluster.store());
        Optional<TokenSignToken> claimed = cluster.write(tx -> {
            Optional<TokenSignToken> t = ClusterTokens.liveMatching(tx, name, signed.approvalData(), now, timeouts);
            t.ifPresent(x -> tx.deleteIdentities(name));
            return t;
        });
        if (claimed.isEmpty()) {
            // used or replaced meanwhile by another run of this admin
            return refusedApproval(service, ReturnCode.QUORUM_TOKEN_INVALID);
        }
        int required = OfficerQuorum.mValue(cluster.store(), officers);
        QuorumToken approved = sessionTokens.create(officers, 0, session.homeNode(), session.user().name(), required);
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

    /** The admins who signed, each once, each signature verified with their registered key; empty if any is not. */
    private Optional<List<String>> approvers(SignedApproval signed) {
        List<String> names = new ArrayList<>();
        for (SignedApproval.Signature s : signed.signatures()) {
            Optional<UserRecord> user = cluster.store().userByName(s.username());
            if (user.isEmpty() || !OfficerQuorum.eligible(user.get()) || user.get().quorumPublicKey() == null
                    || names.stream().anyMatch(n -> n.equalsIgnoreCase(user.get().name()))
                    || !QuorumSignatures.verify(user.get().quorumPublicKey(), signed.approvalData(), s.signature())) {
                return Optional.empty();
            }
            names.add(user.get().name());
        }
        return Optional.of(names);
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
     * {@code user change-quorum token-sign register}: an admin registers their quorum public key with
     * a registration token they signed with its private key. The key replaces the one registered
     * before (by this command or cloudhsm_mgmt_util's registerQuorumPubKey: the same key).
     */
    public HsmResult<Void> register(byte[] publicKeyDer, SignedApproval registration) {
        if (!session.isOpen()) {
            return session.audited("registerQuorumPubKey", "", HsmResult.refused(ReturnCode.NOT_LOGGED_IN));
        }
        if (!session.user().type().isOfficer()) {
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
