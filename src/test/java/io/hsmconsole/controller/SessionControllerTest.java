package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

class SessionControllerTest {
    @TempDir
    Path dir;
    ControllerFixture f;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    @Test
    void aCryptoUserLogsInAndTheWorkspaceKnowsWhoAndWhichRole() {
        LoginOutcome outcome = f.login("example_user");

        assertThat(outcome.result().code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(f.workspace.sessionInfo()).contains(new SessionInfo("demo", 3, "example_user", UserType.CU, true));
    }

    @Test
    void anOfficerLogsInAsAnOfficer() {
        f.login("officer1");

        assertThat(f.workspace.sessionInfo().orElseThrow().role()).isEqualTo(UserType.CO);
        assertThat(f.workspace.sessionInfo().orElseThrow().mayUseKeys()).isFalse();
    }

    @Test
    void thePasswordArrayIsWipedWhenLoginReturns() {
        char[] password = "example_pwd".toCharArray();

        f.login("example_user", password);

        assertThat(password).containsOnly('\0');
    }

    @Test
    void aWrongPasswordIsTheSimulatorsLoginFailureAndCountsTowardsLockout() {
        LoginOutcome outcome = f.login("alice", "not_her_pwd".toCharArray());

        assertThat(outcome.result().code()).isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(outcome.failedLogins()).isEqualTo(1);
        assertThat(outcome.lockoutAfter()).isEqualTo(5);
        assertThat(f.workspace.sessionInfo()).isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        for (int i = 0; i < 5; i++) {
            f.login("bob", "wrong_pwd".toCharArray());
        }

        LoginOutcome outcome = f.login("bob");

        assertThat(outcome.result().code()).isEqualTo(ReturnCode.ACCOUNT_LOCKED);
    }

    @Test
    void anUnknownUserIsReportedByTheSimulator() {
        assertThat(f.login("nobody", "whatever1".toCharArray()).result().code()).isEqualTo(ReturnCode.USER_NOT_FOUND);
    }

    @Test
    void theApplianceUserCannotLogIn() {
        assertThat(f.login("app_user", "whatever1".toCharArray()).result().isSuccess()).isFalse();
    }

    @Test
    void logoutEndsTheSessionAndItsSessionKeysVanish() {
        f.login("example_user");
        HsmResult<io.hsmconsole.hsm.key.GeneratedKey> made = await(done -> f.keys.generate(GenSymKeyRequest.of(31, 16, "tmp").withSession(true), "genSymKey",
                p -> { }, done));
        assertThat(made.isSuccess()).isTrue();

        HsmResult<Void> out = await(done -> f.sessions.logout(done));
        f.login("example_user");
        List<KeyRow> keys = f.keyRows();

        assertThat(out.isSuccess()).isTrue();
        assertThat(keys).isEmpty();
    }

    @Test
    void loggingInToAnotherClusterSwitchesTheWorkspaceToIt() {
        f.catalog.createDemo("lab", new ClusterOptions(HsmType.HSM1_MEDIUM, List.of(0L), null)).close();

        LoginOutcome outcome = await(done -> f.sessions.login("lab", "alice", "alice_pwd".toCharArray(), done));

        assertThat(outcome.result().isSuccess()).isTrue();
        assertThat(f.workspace.clusterNameProperty().get()).isEqualTo("lab");
        assertThat(f.sessions.clusterNames()).containsExactly("demo", "lab");
        assertThat(f.sessions.isDemoCluster(ClusterCatalog.DEMO_CLUSTER)).isTrue();
        assertThat(f.sessions.isDemoCluster("lab")).isFalse();
    }
}
