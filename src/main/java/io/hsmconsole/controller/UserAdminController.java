package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.Permission;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.UserAdministration;
import io.hsmconsole.hsm.user.UserAction;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * User management through the logged-in session: listUsers, createUser, deleteUser and changePswd
 * (which also unlocks a locked account). The simulator decides who may do what; its refusals come
 * back as results. Passwords are copied off the caller's array at once, the caller's array is wiped,
 * and the copy is wiped as soon as the simulator has hashed it.
 */
public final class UserAdminController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ClusterController cluster;

    public UserAdminController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError,
                               ClusterController cluster) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
        this.cluster = cluster;
    }

    /** The user types an officer may create, as the simulator says. */
    public static List<UserType> creatableTypes() {
        return UserAdministration.CREATABLE;
    }

    /** Whether the logged-in user may create users of this type (the simulator's answer). */
    public Permission mayCreate(UserType type) {
        return workspace.session().map(s -> s.users().mayCreate(type))
                .orElse(Permission.refused(ReturnCode.NOT_LOGGED_IN));
    }

    /** Whether the logged-in user may do {@code action} to {@code target}, and if not why (the simulator's answer). */
    public Permission may(UserAction action, UserInfo target) {
        return workspace.session().map(s -> s.users().may(action, target))
                .orElse(Permission.refused(ReturnCode.NOT_LOGGED_IN));
    }

    /** {@code listUsers} as the logged-in user sees it. */
    public TaskHandle listUsers(Consumer<List<UserInfo>> done) {
        return runner.run(BackgroundWork.named("listUsers", p -> workspace.requireSession().users().listUsers(), onError)
                .onSuccess(done));
    }

    public TaskHandle createUser(UserType type, String name, char[] password, Consumer<HsmResult<UserInfo>> done) {
        char[] secret = takeOver(password);
        return change("createUser", s -> s.createUser(type, name, secret), done, secret);
    }

    public TaskHandle deleteUser(UserType type, String name, Consumer<HsmResult<Void>> done) {
        return change("deleteUser", s -> s.deleteUser(type, name), done, new char[0]);
    }

    /** {@code changePswd}: a new password for a user, which also unlocks a locked account. */
    public TaskHandle changePassword(UserType type, String name, char[] newPassword, Consumer<HsmResult<Void>> done) {
        char[] secret = takeOver(newPassword);
        return change("changePswd", s -> s.changePassword(type, name, secret), done, secret);
    }

    private static char[] takeOver(char[] password) {
        char[] copy = Arrays.copyOf(password, password.length);
        Arrays.fill(password, '\0');
        return copy;
    }

    /** Runs one user command; {@code secret} is wiped when it is over, even when no session was open. */
    private <T> TaskHandle change(String name, Function<UserAdministration, HsmResult<T>> action,
                                  Consumer<HsmResult<T>> done, char[] secret) {
        return runner.run(BackgroundWork.named(name, p -> {
                    try {
                        return action.apply(workspace.requireSession().users());
                    } finally {
                        Arrays.fill(secret, '\0');
                    }
                }, onError)
                .onSuccess(result -> {
                    if (result.isSuccess()) {
                        cluster.refresh();
                    }
                    done.accept(result);
                }));
    }
}
