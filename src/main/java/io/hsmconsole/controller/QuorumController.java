package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.quorum.QuorumToken;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.text.TokenText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Quorum approvals for an action on a key with m_value ≥ 2, in the logged-in session: getToken
 * (once per HSM operation the action consists of), then one approval per approver who types their
 * own password (the simulator checks it like a login and signs the approval with the quorum key it
 * keeps for them), until the tokens are complete; the session's next operations of that purpose on
 * the key use them up. Every rule (who may approve, how many, expiry) is the simulator's; this
 * class asks and reports its answers.
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

    /** One token ({@code getToken}) for a single operation. */
    public TaskHandle request(long handle, QuorumPurpose purpose, Consumer<HsmResult<QuorumApproval>> done) {
        return request(handle, purpose, 1, done);
    }

    /**
     * Asks the HSM for {@code operations} tokens ({@code getToken} each), all or none. A key without
     * quorum answers {@code QUORUM_NOT_REQUIRED}: the action can run without approvals.
     */
    public TaskHandle request(long handle, QuorumPurpose purpose, int operations,
                              Consumer<HsmResult<QuorumApproval>> done) {
        if (operations < 1) {
            throw new IllegalArgumentException("an approval covers at least one operation, not " + operations);
        }
        List<ActionRecord> actions = new ArrayList<>();
        return runner.run(BackgroundWork.named("getToken", p -> {
            HsmSession session = workspace.requireSession();
            List<HsmResult<QuorumToken>> answers = new ArrayList<>();
            for (int i = 0; i < operations; i++) {
                HsmResult<QuorumToken> token = session.quorumTokens().getToken(purpose.service(), handle);
                actions.add(QuorumText.getToken(session.user().name(), purpose, handle, token));
                if (!token.isSuccess()) {
                    answers.forEach(t -> session.quorumTokens().deleteToken(t.value().id())); // all or none
                    return token.<QuorumApproval>map(t -> null);
                }
                answers.add(token);
            }
            List<QuorumToken> tokens = answers.stream().map(HsmResult::value).toList();
            HsmResult<KeyInfo> key = session.keyInfo(handle);
            HsmResult<List<UserInfo>> eligible = session.quorumTokens().quorumApprovers(handle);
            if (!key.isSuccess() || !eligible.isSuccess()) {
                tokens.forEach(t -> session.quorumTokens().deleteToken(t.id()));
                return (key.isSuccess() ? eligible : key).<QuorumApproval>map(k -> null);
            }
            QuorumToken first = tokens.get(0);
            return answers.get(0).map(t -> new QuorumApproval(tokens.stream().map(QuorumToken::id).toList(), handle,
                    purpose, first.required(), first.expiresAtMillis(), approvers(key.value(), eligible.value(), tokens)));
        }, onError).onSuccess(result -> {
            actions.forEach(workspace::record);
            done.accept(result);
        }));
    }

    /**
     * One approver's approval of every token with their password ({@code approveToken} each, skipping
     * tokens they already approved). The array is wiped at once, the copies as soon as the simulator
     * has checked them. A refusal stops at the first token refused (a wrong password counts once).
     * The approval state delivered is read back from the HSM, also after a refusal.
     */
    public TaskHandle approve(QuorumApproval state, String approver, char[] password,
                              Consumer<HsmResult<QuorumApproval>> done) {
        char[] secret = Arrays.copyOf(password, password.length);
        Arrays.fill(password, '\0');
        List<ActionRecord> actions = new ArrayList<>();
        return runner.run(BackgroundWork.named("approveToken", p -> {
            try {
                HsmSession session = workspace.requireSession();
                for (int id : state.tokenIds()) {
                    if (held(session, id).map(t -> t.approvedBy(approver)).orElse(false)) {
                        continue;
                    }
                    HsmResult<QuorumToken> approved = session.quorumTokens().approveTokenWithPassword(id, approver,
                            Arrays.copyOf(secret, secret.length)); // the session wipes its copy
                    actions.add(QuorumText.approveToken(approver, approved,
                            TokenText.standing(session.quorumTokens().listTokens(), id)));
                    if (!approved.isSuccess()) {
                        return new HsmResult<>(approved.code(), approved.nodes(), reread(session, state));
                    }
                }
                return HsmResult.ok(reread(session, state), List.of());
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, onError).onSuccess(result -> {
            actions.forEach(workspace::record);
            done.accept(result);
        }));
    }

    /**
     * Drops the tokens the action did not use up ({@code delToken}): after a cancel, or after an
     * action that stopped early, so that no approved token is left for another action to take.
     */
    public TaskHandle release(QuorumApproval state, Consumer<Integer> done) {
        List<ActionRecord> actions = new ArrayList<>();
        return runner.run(BackgroundWork.named("delToken", p -> {
            HsmSession session = workspace.requireSession();
            int dropped = 0;
            for (int id : state.tokenIds()) {
                if (held(session, id).isPresent()) {
                    HsmResult<Void> deleted = session.quorumTokens().deleteToken(id);
                    actions.add(QuorumText.delToken(deleted));
                    dropped += deleted.isSuccess() ? 1 : 0;
                }
            }
            return dropped;
        }, onError).onSuccess(dropped -> {
            actions.forEach(workspace::record);
            done.accept(dropped);
        }));
    }

    private static Optional<QuorumToken> held(HsmSession session, int id) {
        return session.quorumTokens().listTokens().stream().filter(t -> t.id() == id).findFirst();
    }

    /** The approvers as the HSM's tokens now record them: approved means approved on every token. */
    private QuorumApproval reread(HsmSession session, QuorumApproval state) {
        List<QuorumToken> tokens = state.tokenIds().stream().map(id -> held(session, id)).flatMap(Optional::stream)
                .toList();
        List<QuorumApproval.Approver> updated = state.approvers().stream()
                .map(a -> new QuorumApproval.Approver(a.user(), a.owner(), !tokens.isEmpty()
                        && tokens.size() == state.operations()
                        && tokens.stream().allMatch(t -> t.approvedBy(a.user().name()))))
                .toList();
        return new QuorumApproval(state.tokenIds(), state.keyHandle(), state.purpose(), state.required(),
                state.expiresAtMillis(), updated);
    }

    /**
     * The users the simulator accepts approvals from ({@code quorumApprovers}: the key's owner and
     * the users it is shared with), the owner first and marked as such, then by user ID.
     */
    private static List<QuorumApproval.Approver> approvers(KeyInfo key, List<UserInfo> eligible,
                                                           List<QuorumToken> tokens) {
        return eligible.stream()
                .sorted(Comparator.comparing((UserInfo u) -> u.id() != key.ownerId()).thenComparingInt(UserInfo::id))
                .map(u -> new QuorumApproval.Approver(new UserRef(u.id(), u.name()), u.id() == key.ownerId(),
                        tokens.stream().allMatch(t -> t.approvedBy(u.name()))))
                .toList();
    }
}
