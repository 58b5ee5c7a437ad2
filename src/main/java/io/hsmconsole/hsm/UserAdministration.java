package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.hsm.user.UserAction;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.UserRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * User management as the HSM enforces it: officers create and delete users and change anyone's
 * password (which also unlocks a locked account); a crypto user may change only their own. Nobody
 * changes the password of another user while that user is logged in ({@link OpenSessions}); one's own,
 * while logged in, is the pages' example. Once the
 * officers set a quorum for user management (setMValue 3), each of these but changing one's own
 * password uses up an approved token ({@link OfficerQuorum}).
 */
public final class UserAdministration {
    /** The user types an officer may create (PCO, AU and PRECO exist from the start or not at all). */
    public static final List<UserType> CREATABLE = List.of(UserType.CU, UserType.CO);

    private final HsmCluster cluster;
    private final HsmSession session;

    UserAdministration(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    public HsmResult<UserInfo> createUser(UserType type, String name, char[] password) {
        return session.audited("createUser", type + " " + name, create(type, name, password));
    }

    private HsmResult<UserInfo> create(UserType type, String name, char[] password) {
        try {
            if (!session.isOpen()) {
                return HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
            }
            Optional<ReturnCode> refused = whyNotCreate(type);
            if (refused.isPresent()) {
                return fail(refused.get());
            }
            if (!Credentials.isValidName(name)) {
                return fail(ReturnCode.INVALID_USER_NAME);
            }
            if (!Credentials.isValidPassword(password)) {
                return fail(ReturnCode.INVALID_PASSWORD);
            }
            Optional<ReturnCode> noQuorum = session.officerRules().whyNotApproved();
            if (noQuorum.isPresent()) {
                return fail(noQuorum.get());
            }
            String hash = cluster.hasher().hash(password);
            Optional<UserRecord> created = cluster.write(tx -> tx.userByName(name).isPresent()
                    ? Optional.<UserRecord>empty()
                    : Optional.of(tx.insertUser(name, type, hash)));
            created.ifPresent(u -> session.officerRules().used());
            return created.map(u -> HsmResult.ok(HsmCluster.toInfo(u), lines(ReturnCode.SUCCESS)))
                    .orElseGet(() -> fail(ReturnCode.USER_EXISTS));
        } finally {
            wipe(password);
        }
    }

    /** Deletes a user; a crypto user who still owns keys cannot be deleted, nor can you delete yourself. */
    public HsmResult<Void> deleteUser(UserType type, String name) {
        return session.audited("deleteUser", type + " " + name, delete(type, name));
    }

    private HsmResult<Void> delete(UserType type, String name) {
        if (!session.isOpen()) {
            return HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        }
        if (!session.user().type().isOfficer()) {
            return fail(ReturnCode.NOT_AUTHORIZED);
        }
        ReturnCode outcome = cluster.write(tx -> {
            Optional<UserRecord> user = tx.userByName(name);
            if (user.isEmpty() || !user.get().type().answersTo(type)) {
                return ReturnCode.USER_NOT_FOUND;
            }
            Optional<ReturnCode> refused = whyNot(UserAction.DELETE, user.get().id(),
                    user.get().type());
            if (refused.isPresent()) {
                return refused.get();
            }
            if (tx.countKeysOwnedBy(user.get().id()) > 0) {
                return ReturnCode.USER_OWNS_KEYS;
            }
            Optional<ReturnCode> noQuorum = session.officerRules().whyNotApproved();
            if (noQuorum.isPresent()) {
                return noQuorum.get();
            }
            tx.deleteUser(user.get().id());
            cluster.forgetRememberedLogin(user.get().id());
            return ReturnCode.SUCCESS;
        });
        if (outcome.isSuccess()) {
            session.officerRules().used();
        }
        return outcome.isSuccess() ? HsmResult.ok(null, lines(outcome)) : fail(outcome);
    }

    /** Changes a password; resets the failed-login count, which unlocks a locked account. */
    public HsmResult<Void> changePassword(UserType type, String name, char[] newPassword) {
        return changePassword(type, name, newPassword, false);
    }

    /**
     * {@code user change-password --deregister-quorum} (cloudhsm_cli-user-change-password.md): with the
     * new password, in the same write, the user's registered quorum public key is removed, if present
     * (user list then shows no quorum strategy; the user approves nothing until registered again).
     */
    public HsmResult<Void> changePassword(UserType type, String name, char[] newPassword, boolean deregisterQuorum) {
        return session.audited("changePswd", type + " " + name + (deregisterQuorum ? " -deregister-quorum" : ""),
                change(type, name, newPassword, deregisterQuorum));
    }

    private HsmResult<Void> change(UserType type, String name, char[] newPassword, boolean deregisterQuorum) {
        try {
            if (!session.isOpen()) {
                return HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
            }
            if (!Credentials.isValidPassword(newPassword)) {
                return fail(ReturnCode.INVALID_PASSWORD);
            }
            Optional<UserRecord> target = cluster.store().userByName(name);
            if (target.isEmpty() || !target.get().type().answersTo(type)) {
                return fail(ReturnCode.USER_NOT_FOUND);
            }
            Optional<ReturnCode> refused = whyNot(UserAction.CHANGE_PASSWORD, target.get().id(),
                    target.get().type());
            if (refused.isPresent()) {
                return fail(refused.get());
            }
            // Only another user's password is user management (quorum-authentication-crypto-officers.md).
            boolean other = target.get().id() != session.user().id();
            Optional<ReturnCode> noQuorum = other ? session.officerRules().whyNotApproved() : Optional.empty();
            if (noQuorum.isPresent()) {
                return fail(noQuorum.get());
            }
            String hash = cluster.hasher().hash(newPassword);
            boolean changed = cluster.write(tx -> {
                // The user checked above, still the same one (a deleted user's ID may be reused).
                Optional<UserRecord> same = tx.userById(target.get().id()).filter(target.get()::isSameUserAs);
                same.ifPresent(u -> tx.updateUser(deregisterQuorum
                        ? u.withPasswordHash(hash).withLoginFailures(0).withQuorumPublicKey(null)
                        : u.withPasswordHash(hash).withLoginFailures(0)));
                return same.isPresent();
            });
            // Forgotten whether or not this write found the user: the old password must not log in again.
            cluster.forgetRememberedLogin(target.get().id());
            if (changed && other) {
                session.officerRules().used();
            }
            return changed ? HsmResult.ok(null, lines(ReturnCode.SUCCESS)) : fail(ReturnCode.USER_NOT_FOUND);
        } finally {
            wipe(newPassword);
        }
    }

    /**
     * CMU {@code registerQuorumPubKey}: a user registers their own RSA-2048 quorum public key,
     * proving they hold the private key by signing a registration token (at most 245 bytes).
     */
    public HsmResult<Void> registerQuorumKey(UserType type, String name, byte[] registrationToken, byte[] signature,
                                             byte[] publicKeyDer) {
        return session.audited("registerQuorumPubKey", type + " " + name, register(type, name, registrationToken,
                signature, publicKeyDer));
    }

    private HsmResult<Void> register(UserType type, String name, byte[] token, byte[] signature, byte[] publicKeyDer) {
        if (!session.isOpen()) {
            return HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        }
        if (!session.user().name().equalsIgnoreCase(name) || !session.user().type().answersTo(type)) {
            return fail(ReturnCode.NOT_AUTHORIZED);
        }
        if (token.length == 0 || token.length > QuorumSignatures.MAX_REGISTRATION_TOKEN || !QuorumSignatures.verify(publicKeyDer, token, signature)) {
            return fail(ReturnCode.QUORUM_APPROVAL_INVALID);
        }
        int id = session.user().id();
        boolean registered = cluster.write(tx -> {
            Optional<UserRecord> same = tx.userById(id).filter(u -> u.name().equalsIgnoreCase(session.user().name()));
            same.ifPresent(u -> tx.updateUser(u.withQuorumPublicKey(publicKeyDer.clone())));
            // A key the simulator kept for this user no longer matches what is registered.
            same.ifPresent(u -> tx.deleteIdentities("user/" + id + "/quorum"));
            return same.isPresent();
        });
        return registered ? HsmResult.ok(null, lines(ReturnCode.SUCCESS)) : fail(ReturnCode.USER_NOT_FOUND);
    }

    /**
     * Whether this session may create users of this type: an officer, and only CU or CO. The name
     * and password are judged when creating (and whether the name is free).
     */
    public Permission mayCreate(UserType type) {
        return session.isOpen() ? Permission.of(whyNotCreate(type)) : Permission.refused(ReturnCode.NOT_LOGGED_IN);
    }

    /**
     * Whether this session may do {@code action} to {@code target}, and if not the code the command
     * would answer: officers delete users and change anyone's password, a crypto user changes only
     * their own; nobody deletes themselves, the PCO or the appliance user, nor changes the appliance
     * user's password or that of another user who is logged in now. Whether a user to delete still owns keys is judged when deleting (keys come and
     * go); everything else here is what {@link #deleteUser}/{@link #changePassword} enforce.
     */
    public Permission may(UserAction action, UserInfo target) {
        if (!session.isOpen()) {
            return Permission.refused(ReturnCode.NOT_LOGGED_IN);
        }
        return Permission.of(whyNot(action, target.id(), target.type()));
    }

    private Optional<ReturnCode> whyNotCreate(UserType type) {
        if (!session.user().type().isOfficer()) {
            return Optional.of(ReturnCode.NOT_AUTHORIZED);
        }
        return CREATABLE.contains(type) ? Optional.empty() : Optional.of(ReturnCode.INVALID_USER_TYPE);
    }

    private Optional<ReturnCode> whyNot(UserAction action, int targetId, UserType targetType) {
        boolean officer = session.user().type().isOfficer();
        boolean self = targetId == session.user().id();
        return switch (action) {
            case DELETE -> !officer || targetType == UserType.PCO || targetType == UserType.AU
                    ? Optional.of(ReturnCode.NOT_AUTHORIZED)
                    : self ? Optional.of(ReturnCode.USER_LOGGED_IN) : Optional.empty();
            case CHANGE_PASSWORD -> (!self && !officer) || targetType == UserType.AU
                    ? Optional.of(ReturnCode.NOT_AUTHORIZED)
                    // cloudhsm_cli-user-change-password.md: "Any user can change their own password" (its
                    // example: bob, logged in, changes his) and "You cannot change the password of a user
                    // who is currently logged in to the cluster": another user's, then.
                    : !self && cluster.isLoggedIn(targetId) ? Optional.of(ReturnCode.USER_LOGGED_IN)
                    : Optional.empty();
        };
    }

    public List<UserInfo> listUsers() {
        return cluster.users();
    }

    private <T> HsmResult<T> fail(ReturnCode code) {
        return HsmResult.fail(code, lines(code));
    }

    private List<NodeResult> lines(ReturnCode code) {
        List<NodeRecord> nodes = cluster.nodeRecords();
        return NodeLines.all(nodes, session.homeNode(), code);
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
