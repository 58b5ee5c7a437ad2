package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session after logout (or close) changes nothing: found by the security matrix, where a
 * logged-out owner could still rename a key and a logged-out officer could still manage users.
 * Every refusal is "not logged in", and the store is as before.
 */
class LoggedOutSessionTest {
    @TempDir
    Path dir;
    HsmCluster cluster;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, new ManualClock(TestClusters.START));
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aLoggedOutOwnerCannotChangeAttributes() {
        HsmSession alice = TestClusters.login(cluster, "alice");
        long h = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "before")).value().handle();
        alice.logout();

        assertThat(alice.setAttribute(h, Attribute.LABEL, 0, "after").code()).isEqualTo(ReturnCode.NOT_LOGGED_IN);
        assertThat(alice.setAttribute(h, Attribute.ENCRYPT, 0, null).code()).isEqualTo(ReturnCode.NOT_LOGGED_IN);
        HsmSession again = TestClusters.login(cluster, "alice");
        assertThat(again.attributes(h).value().get(Attribute.LABEL).orElseThrow().text()).isEqualTo("before");
        assertThat(again.attributes(h).value().get(Attribute.ENCRYPT).orElseThrow().number()).isEqualTo(1);
    }

    @Test
    void aClosedOfficerSessionCannotManageUsers() {
        HsmSession officer = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray())
                .value();
        officer.close();

        assertThat(officer.users().createUser(UserType.CU, "mallory", "mallory_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.NOT_LOGGED_IN);
        assertThat(officer.users().deleteUser(UserType.CU, "carol").code()).isEqualTo(ReturnCode.NOT_LOGGED_IN);
        assertThat(officer.users().changePassword(UserType.CU, "bob", "stolen_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.NOT_LOGGED_IN);
        assertThat(cluster.users().stream().map(UserInfo::name)).contains("carol").doesNotContain("mallory");
        assertThat(cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "bob_pwd".toCharArray()).code())
                .as("bob's password is unchanged").isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aLoggedOutUserCannotRegisterAQuorumKey() {
        HsmSession bob = TestClusters.login(cluster, "bob");
        bob.logout();
        assertThat(bob.users().registerQuorumKey(UserType.CU, "bob", new byte[16], new byte[256], new byte[300]).code())
                .isEqualTo(ReturnCode.NOT_LOGGED_IN);
    }
}
