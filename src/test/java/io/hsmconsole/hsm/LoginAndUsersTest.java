package io.hsmconsole.hsm;

import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class LoginAndUsersTest extends FreshDemoClusterTest {
    private ReturnCode kmuLogin(String type, String user, String pw) {
        return cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.valueOf(type), user, pw.toCharArray()).code();
    }

    private HsmSession officer() {
        return cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
    }

    @Test
    void demoClusterHasTheDocumentedUsers() {
        assertThat(cluster.users()).extracting(UserInfo::id, UserInfo::type, UserInfo::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, UserType.PCO, "admin"),
                org.assertj.core.groups.Tuple.tuple(2, UserType.AU, "app_user"),
                org.assertj.core.groups.Tuple.tuple(3, UserType.CU, "example_user"),
                org.assertj.core.groups.Tuple.tuple(4, UserType.CU, "alice"),
                org.assertj.core.groups.Tuple.tuple(5, UserType.CU, "bob"),
                org.assertj.core.groups.Tuple.tuple(6, UserType.CU, "carol"),
                org.assertj.core.groups.Tuple.tuple(7, UserType.CO, "officer1"));
        assertThat(cluster.nodes()).hasSize(3);
    }

    @Test
    void loginOutcomes() {
        assertThat(kmuLogin("CU", "example_user", "example_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(kmuLogin("CU", "EXAMPLE_USER", "example_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(kmuLogin("CU", "example_user", "wrong_pwd")).isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(kmuLogin("CU", "nobody", "whatever1")).isEqualTo(ReturnCode.USER_NOT_FOUND);
        assertThat(kmuLogin("CO", "officer1", "officer1_pwd")).isEqualTo(ReturnCode.INVALID_USER_TYPE);
        assertThat(kmuLogin("CU", "officer1", "officer1_pwd")).isEqualTo(ReturnCode.USER_NOT_FOUND);
        assertThat(cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "admin", "admin_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.login(LoginChannel.MGMT_UTIL, UserType.AU, "app_user", "anything".toCharArray()).code())
                .isNotEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void fiveFailuresLockTheAccountUntilAnOfficerChangesThePassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(kmuLogin("CU", "bob", "bad_password")).isEqualTo(ReturnCode.LOGIN_FAILURE);
        }
        assertThat(kmuLogin("CU", "bob", "bob_pwd")).isEqualTo(ReturnCode.ACCOUNT_LOCKED);
        UserInfo bob = cluster.users().stream().filter(u -> u.name().equals("bob")).findFirst().orElseThrow();
        assertThat(bob.loginFailures()).isEqualTo(5);
        assertThat(bob.locked()).isTrue();
        assertThat(officer().users().changePassword(UserType.CU, "bob", "bob_new_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(kmuLogin("CU", "bob", "bob_new_pwd")).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        kmuLogin("CU", "alice", "bad_password");
        kmuLogin("CU", "alice", "bad_password");
        assertThat(kmuLogin("CU", "alice", "alice_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.users().get(3).loginFailures()).isZero();
    }

    @Test
    void officersManageUsersAndCryptoUsersOnlyTheirOwnPassword() {
        HsmSession co = officer();
        assertThat(co.users().createUser(UserType.CU, "dave", "dave_pwd".toCharArray()).value().id()).isEqualTo(8);
        assertThat(co.users().createUser(UserType.CU, "DAVE", "dave_pwd".toCharArray()).code()).isEqualTo(ReturnCode.USER_EXISTS);
        assertThat(co.users().createUser(UserType.CU, "bad name", "dave_pwd".toCharArray()).code()).isEqualTo(ReturnCode.INVALID_USER_NAME);
        assertThat(co.users().createUser(UserType.CU, "eve", "short".toCharArray()).code()).isEqualTo(ReturnCode.INVALID_PASSWORD);
        assertThat(co.users().createUser(UserType.AU, "eve", "eve_pwd_1".toCharArray()).code()).isEqualTo(ReturnCode.INVALID_USER_TYPE);

        HsmSession alice = TestClusters.login(cluster, "alice");
        assertThat(alice.users().createUser(UserType.CU, "mallory", "mallory_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.NOT_AUTHORIZED);
        assertThat(alice.users().changePassword(UserType.CU, "bob", "hacked_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.NOT_AUTHORIZED);
        assertThat(alice.users().changePassword(UserType.CU, "alice", "alice_pwd2".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);

        alice.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "owned"));
        assertThat(co.users().deleteUser(UserType.CU, "alice").code()).isEqualTo(ReturnCode.USER_OWNS_KEYS);
        assertThat(co.users().deleteUser(UserType.CU, "dave").code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(co.users().deleteUser(UserType.CU, "dave").code()).isEqualTo(ReturnCode.USER_NOT_FOUND);
        assertThat(co.users().deleteUser(UserType.CO, "officer1").code()).isEqualTo(ReturnCode.USER_LOGGED_IN);
    }

    @Test
    void passwordsAreNeverStoredInClear() throws Exception {
        byte[] db = java.nio.file.Files.readAllBytes(dir.resolve("clusters/demo/cluster.db"));
        String text = new String(db, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("example_pwd").doesNotContain("alice_pwd").contains("$pbkdf2-sha256$");
    }
}
