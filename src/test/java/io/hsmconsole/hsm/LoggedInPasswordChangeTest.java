package io.hsmconsole.hsm;

import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserAction;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cloudhsm_cli-user-change-password.md: "Any user can change their own password" (its example: bob,
 * logged in, changes his own) and "You cannot change the password of a user who is currently logged in
 * to the cluster" (cloudhsm_mgmt_util-changePswd.md says the same of CMU): an officer may not change the
 * password of another user while that user holds a session, in this process, through any object opened
 * on the cluster; once the user's last session ends, the change goes through.
 */
class LoggedInPasswordChangeTest extends FreshDemoClusterTest {

    private HsmSession officer(HsmCluster on) {
        return on.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", TestClusters.password("officer1")).value();
    }

    private UserInfo user(String name) {
        return cluster.users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anotherUsersPasswordIsRefusedWhileThatUserIsLoggedInAndChangedOnceTheyLogOut() {
        HsmSession co = officer(cluster);
        HsmSession alice = TestClusters.login(cluster, "alice");

        assertThat(co.users().may(UserAction.CHANGE_PASSWORD, user("alice")).refusal()).contains(ReturnCode.USER_LOGGED_IN);
        assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.USER_LOGGED_IN);
        assertThat(cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "alice", TestClusters.password("alice")).value()
                .logout().isSuccess()).as("the old password still logs in: nothing was changed").isTrue();
        assertThat(co.users().may(UserAction.CHANGE_PASSWORD, user("bob")).granted()).as("bob is not logged in").isTrue();

        alice.logout();

        assertThat(co.users().may(UserAction.CHANGE_PASSWORD, user("alice")).granted()).isTrue();
        assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void oneselfWhileLoggedInIsThePagesExample() {
        HsmSession alice = TestClusters.login(cluster, "alice");
        HsmSession co = officer(cluster);

        assertThat(alice.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(co.users().changePassword(UserType.CO, "officer1", "officer1_new".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void theUserCountsAsLoggedInUntilTheirLastSessionEndsAndASecondCloseCountsNothing() {
        HsmSession co = officer(cluster);
        HsmSession first = TestClusters.login(cluster, "alice");
        HsmSession second = TestClusters.login(cluster, "alice");

        first.close();
        first.close();
        assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .as("the second session is still open").isEqualTo(ReturnCode.USER_LOGGED_IN);

        second.logout();
        assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aSessionHeldThroughAnotherObjectOnTheSameClusterCountsAsTheDaemonsPkcs11SessionsDo() {
        // The client daemon serves PKCS#11 from one HsmCluster and each command line call from another.
        try (HsmCluster pkcs11Side = TestClusters.catalog(dir, clock).open("demo")) {
            HsmSession alice = TestClusters.login(pkcs11Side, "alice");
            HsmSession co = officer(cluster);

            assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                    .isEqualTo(ReturnCode.USER_LOGGED_IN);
            alice.close();
        }
        assertThat(officer(cluster).users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aSessionNeverClosedEndsWithTheClusterObjectItWasOpenedOn() {
        HsmCluster other = TestClusters.catalog(dir, clock).open("demo");
        TestClusters.login(other, "alice");
        HsmSession co = officer(cluster);
        assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.USER_LOGGED_IN);

        other.close();

        assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void anotherClusterOfTheSameNameIsAnotherHsm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path elsewhere) {
        try (HsmCluster twin = TestClusters.demo(elsewhere, clock)) {
            TestClusters.login(twin, "alice");
            HsmSession co = officer(cluster);

            assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new1".toCharArray()).code())
                    .as("alice is logged in to the other demo cluster, not this one").isEqualTo(ReturnCode.SUCCESS);
        }
    }
}
