package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.UserInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Quorum approvals for an action on a key with m_value ≥ 2, in the logged-in session: getToken,
 * then one approval per approver who types their own password (the simulator checks it like a login
 * and signs the approval with the quorum key it keeps for them), until the token is complete; the
 * session's next operation of that purpose on the key uses it up. Every rule (who may approve, how
 * many, expiry) is the simulator's; this class reports its answers.
 */
public final class QuorumController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;

    public QuorumController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
    }

    /**
     * Asks the HSM for a token ({@code getToken}). A key without quorum answers
     * {@code QUORUM_NOT_REQUIRED}: the action can run without approvals.
     */
    public TaskHandle request(long handle, QuorumPurpose purpose, Consumer<HsmResult<QuorumApproval>> done) {
        return runner.run(BackgroundWork.named("getToken", p -> {
            HsmSession session = workspace.requireSession();
            HsmResult<QuorumToken> token = session.getToken(purpose.service(), handle);
            if (!token.isSuccess()) {
                return token.<QuorumApproval>map(t -> null);
            }
            HsmResult<KeyInfo> key = session.keyInfo(handle);
            if (!key.isSuccess()) {
                session.deleteToken(token.value().id());
                return key.<QuorumApproval>map(k -> null);
            }
            return token.map(t -> approval(t, purpose, key.value()));
        }, onError).onSuccess(done));
    }

    /**
     * One approver's approval with their password ({@code approveToken}); the array is wiped at
     * once, the copy as soon as the simulator has checked it.
     */
    public TaskHandle approve(QuorumApproval state, String approver, char[] password,
                              Consumer<HsmResult<QuorumApproval>> done) {
        char[] secret = Arrays.copyOf(password, password.length);
        Arrays.fill(password, '\0');
        return runner.run(BackgroundWork.named("approveToken", p -> {
            try {
                HsmResult<QuorumToken> approved = workspace.requireSession()
                        .approveTokenWithPassword(state.tokenId(), approver, secret);
                return approved.map(t -> withApprovers(state, t.approvers()));
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, onError).onSuccess(done));
    }

    /** Drops the token ({@code delToken}), e.g. when the user gives up before the action ran. */
    public TaskHandle cancel(int tokenId, Consumer<HsmResult<Void>> done) {
        return runner.run(BackgroundWork.named("delToken", p -> workspace.requireSession().deleteToken(tokenId), onError)
                .onSuccess(done));
    }

    private QuorumApproval approval(QuorumToken token, QuorumPurpose purpose, KeyInfo key) {
        Map<Integer, String> names = workspace.cluster().users().stream()
                .collect(Collectors.toMap(UserInfo::id, UserInfo::name, (a, b) -> a));
        List<QuorumApproval.Approver> approvers = new ArrayList<>();
        approvers.add(approver(key.ownerId(), names, true, token.approvers()));
        key.sharedWith().forEach(id -> approvers.add(approver(id, names, false, token.approvers())));
        return new QuorumApproval(token.id(), token.keyHandle(), purpose, token.required(), token.expiresAtMillis(),
                approvers);
    }

    private static QuorumApproval.Approver approver(int id, Map<Integer, String> names, boolean owner,
                                                    List<String> approved) {
        String name = names.getOrDefault(id, "user " + id);
        return new QuorumApproval.Approver(new UserRef(id, name), owner,
                approved.stream().anyMatch(a -> a.equalsIgnoreCase(name)));
    }

    private static QuorumApproval withApprovers(QuorumApproval state, List<String> approved) {
        List<QuorumApproval.Approver> updated = state.approvers().stream()
                .map(a -> new QuorumApproval.Approver(a.user(), a.owner(),
                        approved.stream().anyMatch(n -> n.equalsIgnoreCase(a.user().name()))))
                .toList();
        return new QuorumApproval(state.tokenId(), state.keyHandle(), state.purpose(), state.required(),
                state.expiresAtMillis(), updated);
    }
}
