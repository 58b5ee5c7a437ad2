package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.text.CmuText;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Logging in and out, and choosing the cluster. A login names a cluster; when it is not the one
 * open, the console logs out, closes it and opens the other first. Passwords are wiped as soon as
 * the simulator has checked them.
 */
public final class SessionController {
    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;

    public SessionController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
    }

    public List<String> clusterNames() {
        return workspace.catalog().clusterNames();
    }

    /** The open cluster's name; the demo cluster's while the start-up cluster is still opening. */
    public String openClusterName() {
        String open = workspace.clusterNameProperty().get();
        return open != null ? open : ClusterCatalog.DEMO_CLUSTER;
    }

    /**
     * Whether the cluster is the demo cluster, whose documented passwords the login dialog may
     * offer. Only the catalog's demo cluster qualifies: a cluster's store does not record that it
     * was made with demo users.
     */
    public boolean isDemoCluster(String clusterName) {
        return ClusterCatalog.DEMO_CLUSTER.equals(clusterName);
    }

    /**
     * Logs {@code userName} in to {@code clusterName} as the role the cluster knows the user by
     * (an unknown name is tried as a crypto user, and the HSM says it does not exist). The
     * password array is wiped before this returns or, in the background, right after the check.
     */
    public TaskHandle login(String clusterName, String userName, char[] password, Consumer<LoginOutcome> done) {
        char[] secret = Arrays.copyOf(password, password.length);
        Arrays.fill(password, '\0');
        return runner.run(BackgroundWork.named("log in", p -> {
            try {
                return attemptLogin(clusterName, userName, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, onError).onSuccess(attempt -> {
            workspace.record(loginRecord(attempt.role(), userName, attempt.outcome()));
            workspace.loggedOut(); // any earlier session was ended before the attempt
            if (attempt.openedCluster() != null) {
                workspace.switchCluster(attempt.openedCluster());
                if (attempt.leftCluster() != null) {
                    // Closed only now that nothing reads it any more: the watcher ignores a cluster left behind.
                    attempt.leftCluster().close();
                }
            }
            if (attempt.session() != null) {
                workspace.loggedIn(attempt.session(), attempt.outcome().result().value());
            }
            done.accept(attempt.outcome());
        }));
    }

    private LoginAttempt attemptLogin(String clusterName, String userName, char[] password) {
        HsmCluster cluster = workspace.cluster();
        HsmCluster opened = null;
        HsmCluster left = null;
        if (cluster == null || !cluster.name().equals(clusterName)) {
            opened = workspace.catalog().open(clusterName);
            endSession();
            left = cluster;
            cluster = opened;
        } else {
            endSession();
        }
        UserType role = cluster.users().stream().filter(u -> u.name().equalsIgnoreCase(userName))
                .map(UserInfo::type).findFirst().orElse(UserType.CU);
        HsmResult<HsmSession> result = cluster.login(LoginChannel.CONSOLE, role, userName, password);
        if (result.isSuccess()) {
            HsmSession session = result.value();
            SessionInfo info = new SessionInfo(cluster.name(), session.user().id(), session.user().name(),
                    session.user().type(), session.mayUseKeys().granted());
            return new LoginAttempt(new LoginOutcome(result.map(s -> info), 0, Credentials.LOCKOUT_FAILURES),
                    session, opened, left, role);
        }
        int failures = cluster.users().stream().filter(u -> u.name().equalsIgnoreCase(userName))
                .mapToInt(UserInfo::loginFailures).findFirst().orElse(0);
        return new LoginAttempt(new LoginOutcome(result.map(s -> null), failures, Credentials.LOCKOUT_FAILURES),
                null, opened, left, role);
    }

    /** key_mgmt_util logs crypto users in; officers log in with cloudhsm_mgmt_util. Never the password. */
    private static ActionRecord loginRecord(UserType role, String userName, LoginOutcome outcome) {
        return role == UserType.CU
                ? ActionRecord.kmu("loginHSM -u CU -s " + userName + " -p <password>",
                        p -> p.resultAndBlock("Cfm3LoginHSM", outcome.result()))
                : ActionRecord.cmu("loginHSM " + role.name() + " " + userName + " <password>",
                        out -> CmuText.perServer("loginHSM", outcome.result(), out));
    }

    /** Ends the session: its session keys vanish from every view. */
    public TaskHandle logout(Consumer<HsmResult<Void>> done) {
        Optional<HsmSession> session = workspace.session();
        if (session.isEmpty()) {
            workspace.loggedOut();
            return TaskHandle.DONE;
        }
        boolean cryptoUser = session.get().user().type() == UserType.CU;
        return runner.run(BackgroundWork.named("log out", p -> session.get().logout(), onError)
                .onSuccess(result -> {
                    // A crypto user logged in with key_mgmt_util, an officer with cloudhsm_mgmt_util.
                    workspace.record(cryptoUser
                            ? ActionRecord.kmu("logoutHSM", p -> p.resultAndBlock("Cfm3LogoutHSM", result))
                            : ActionRecord.cmu("logoutHSM", out -> CmuText.perServer("logoutHSM", result, out)));
                    workspace.loggedOut();
                    done.accept(result);
                }));
    }

    private void endSession() {
        workspace.session().ifPresent(HsmSession::close);
    }

    /** At exit: the session ends (session keys vanish) and the store is closed. */
    public void shutdown() {
        endSession();
        if (workspace.cluster() != null) {
            workspace.cluster().close();
        }
    }

    private record LoginAttempt(LoginOutcome outcome, HsmSession session, HsmCluster openedCluster,
                                HsmCluster leftCluster, UserType role) {
    }
}
