package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.PasswordHasher;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.UserRecord;

import java.util.List;
import java.util.Optional;

/**
 * Who may log in, and how a login is answered: the channel decides which user types may log in at
 * all (key_mgmt_util: crypto users only); five consecutive wrong passwords lock the account and a
 * correct one resets the count ({@link LoginAttempts} keeps that true under concurrent attempts).
 * A password this process already checked right for the same stored hash ({@link RememberedLogins})
 * skips the slow hash and the two writes of an attempt, but only when the account has no failure
 * to reset: with one, the login takes the counted path as any other.
 */
final class Authentication {
    private final HsmCluster cluster;
    private final ClusterStore store;
    private final PasswordHasher hasher;
    private final LoginAttempts loginAttempts;
    private final RememberedLogins remembered;

    Authentication(HsmCluster cluster, ClusterStore store, PasswordHasher hasher, LoginAttempts loginAttempts,
                   RememberedLogins remembered) {
        this.cluster = cluster;
        this.store = store;
        this.hasher = hasher;
        this.loginAttempts = loginAttempts;
        this.remembered = remembered;
    }

    HsmResult<HsmSession> authenticate(LoginChannel channel, UserType type, String name, char[] password) {
        List<NodeRecord> nodes = store.nodes();
        int serving = HsmCluster.homeNode(nodes);
        if (!channel.accepts(type)) {
            return refuse(nodes, serving, ReturnCode.INVALID_USER_TYPE);
        }
        if (nodes.stream().noneMatch(NodeRecord::online)) {
            return refuse(nodes, serving, ReturnCode.NO_ACTIVE_NODE);
        }
        Optional<UserRecord> found = Credentials.isValidName(name) ? store.userByName(name) : Optional.empty();
        if (found.isEmpty() || !found.get().type().answersTo(type)) {
            return refuse(nodes, serving, ReturnCode.USER_NOT_FOUND);
        }
        UserRecord user = found.get();
        if (user.passwordHash() == null) {
            return refuse(nodes, serving, ReturnCode.NOT_AUTHORIZED);
        }
        if (loginAttempts.knownLocked(user)) {
            return refuse(nodes, serving, ReturnCode.ACCOUNT_LOCKED); // no write needed to refuse
        }
        if (user.loginFailures() == 0 && remembered.remembers(user, password)) {
            // Checked right before, and no failure to reset: nothing to count, nothing to write.
            return HsmResult.ok(new HsmSession(cluster, HsmCluster.toInfo(user), channel, serving),
                    NodeLines.all(nodes, serving, ReturnCode.SUCCESS));
        }
        LoginAttempts.Reservation attempt = loginAttempts.reserve(user);
        if (!attempt.granted()) {
            return refuse(nodes, serving, attempt.refusal());
        }
        boolean right;
        try {
            // The hash read when the attempt was counted, not the one read above: it may have changed since.
            right = hasher.verify(password, attempt.user().passwordHash()) && loginAttempts.release(attempt);
        } finally {
            loginAttempts.settle(attempt);
        }
        if (!right) {
            return refuse(nodes, serving, ReturnCode.LOGIN_FAILURE);
        }
        remembered.remember(attempt.user(), password);
        HsmSession session = new HsmSession(cluster, HsmCluster.toInfo(attempt.user().withLoginFailures(0)), channel, serving);
        return HsmResult.ok(session, NodeLines.all(nodes, serving, ReturnCode.SUCCESS));
    }

    /** The user's password changed or the user was deleted through this cluster. */
    void forget(int userId) {
        remembered.forget(userId);
    }

    boolean remembers(String name, char[] password) {
        return store.userByName(name).filter(u -> remembered.remembers(u, password)).isPresent();
    }

    /** The user ID a login attempt is audited under: the user's when the name is known, else 0. */
    int auditedUserId(HsmResult<HsmSession> result, String name) {
        return result.isSuccess() ? result.value().user().id()
                : store.userByName(Credentials.isValidName(name) ? name : "").map(UserRecord::id).orElse(0);
    }

    private static HsmResult<HsmSession> refuse(List<NodeRecord> nodes, int serving, ReturnCode code) {
        return HsmResult.fail(code, NodeLines.all(nodes, serving, code));
    }
}
