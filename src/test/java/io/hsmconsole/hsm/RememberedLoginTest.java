package io.hsmconsole.hsm;

import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password checked right once is remembered by the cluster's process ({@link RememberedLogins}) so
 * that a repeated login skips the slow hash and writes nothing, while the lockout and audit rules
 * stay those of every other login.
 */
class RememberedLoginTest extends FreshDemoClusterTest {
    private ReturnCode login(HsmCluster on, String user, String password) {
        HsmResult<HsmSession> r = on.login(LoginChannel.PKCS11, UserType.CU, user, password.toCharArray());
        if (r.isSuccess()) {
            r.value().logout();
        }
        return r.code();
    }

    private int failures(HsmCluster on, String user) {
        return on.users().stream().filter(u -> u.name().equals(user)).findFirst().orElseThrow().loginFailures();
    }

    private HsmSession officer() {
        return cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
    }

    @Test
    void aRepeatedRightLoginWritesNothingToTheStore() {
        cluster.auditLog().flush();
        long before = cluster.store().changeCounter();
        HsmResult<HsmSession> first = cluster.login(LoginChannel.PKCS11, UserType.CU, "alice", "alice_pwd".toCharArray());
        assertThat(first.code()).isEqualTo(ReturnCode.SUCCESS);
        long afterFirst = cluster.store().changeCounter();
        assertThat(afterFirst).as("the first login counts its attempt and releases it").isGreaterThan(before);
        HsmResult<HsmSession> second = cluster.login(LoginChannel.PKCS11, UserType.CU, "alice", "alice_pwd".toCharArray());
        assertThat(second.code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(second.value().user().name()).isEqualTo("alice");
        assertThat(cluster.store().changeCounter()).as("the second, remembered, writes nothing").isEqualTo(afterFirst);
        second.value().logout();
        first.value().logout();
    }

    @Test
    void wrongPasswordsAfterARememberedRightOneStillCountAndLock() {
        assertThat(login(cluster, "bob", "bob_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(login(cluster, "bob", "bob_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(login(cluster, "bob", "bad_password")).isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(failures(cluster, "bob")).isEqualTo(1);
        // With a failure to reset, the right password takes the counted path and resets it.
        assertThat(login(cluster, "bob", "bob_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(failures(cluster, "bob")).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(login(cluster, "bob", "bad_password")).as("failure %d", i + 1).isEqualTo(ReturnCode.LOGIN_FAILURE);
        }
        assertThat(failures(cluster, "bob")).isEqualTo(5);
        assertThat(login(cluster, "bob", "bob_pwd")).as("remembered, and still locked").isEqualTo(ReturnCode.ACCOUNT_LOCKED);
    }

    @Test
    void aChangedPasswordIsNotRememberedEvenWhenAnotherProcessChangedIt() {
        assertThat(login(cluster, "carol", "carol_pwd")).isEqualTo(ReturnCode.SUCCESS);
        try (HsmCluster other = TestClusters.catalog(dir, clock).open("demo")) {
            HsmSession co = other.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
            assertThat(co.users().changePassword(UserType.CU, "carol", "carol_new_pwd".toCharArray()).code())
                    .isEqualTo(ReturnCode.SUCCESS);
            co.logout();
        }
        assertThat(login(cluster, "carol", "carol_pwd")).isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(failures(cluster, "carol")).isEqualTo(1);
        assertThat(login(cluster, "carol", "carol_new_pwd")).isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void aPasswordChangedHereIsForgottenAtOnce() {
        assertThat(login(cluster, "alice", "alice_pwd")).isEqualTo(ReturnCode.SUCCESS);
        HsmSession co = officer();
        assertThat(co.users().changePassword(UserType.CU, "alice", "alice_new_pwd".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.authenticationRemembers("alice", "alice_pwd")).isFalse();
        assertThat(login(cluster, "alice", "alice_pwd")).isEqualTo(ReturnCode.LOGIN_FAILURE);
        assertThat(login(cluster, "alice", "alice_new_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.authenticationRemembers("alice", "alice_new_pwd")).isTrue();
        co.logout();
    }

    @Test
    void aDeletedUserIsNotFoundAndTheSameNameAndPasswordMadeAgainIsCheckedAfresh() {
        HsmSession co = officer();
        assertThat(co.users().createUser(UserType.CU, "dave", "dave_pwd".toCharArray()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(login(cluster, "dave", "dave_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(co.users().deleteUser(UserType.CU, "dave").code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(login(cluster, "dave", "dave_pwd")).isEqualTo(ReturnCode.USER_NOT_FOUND);
        assertThat(co.users().createUser(UserType.CU, "dave", "dave_pwd".toCharArray()).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.authenticationRemembers("dave", "dave_pwd")).as("a new salt, a new stored hash").isFalse();
        cluster.auditLog().flush();
        long before = cluster.store().changeCounter();
        assertThat(login(cluster, "dave", "dave_pwd")).isEqualTo(ReturnCode.SUCCESS);
        assertThat(cluster.store().changeCounter()).as("the counted path").isGreaterThan(before);
        co.logout();
    }

    @Test
    void rememberedLoginsAreAuditedAsEveryOther() {
        login(cluster, "alice", "alice_pwd");
        login(cluster, "alice", "alice_pwd");
        login(cluster, "alice", "bad_password");
        List<AuditRecord> logins = cluster.auditLog().records(0, 10_000).stream()
                .filter(r -> r.command().equals("loginHSM")).toList();
        assertThat(logins).extracting(AuditRecord::resultCode).containsExactly(ReturnCode.SUCCESS.code(),
                ReturnCode.SUCCESS.code(), ReturnCode.LOGIN_FAILURE.code());
        assertThat(logins).extracting(AuditRecord::userName).containsOnly("alice");
        assertThat(logins).extracting(AuditRecord::arguments).containsOnly("-u CU -s alice");
    }

    @Test
    void anotherClustersMemoryNeverMatches() {
        assertThat(login(cluster, "alice", "alice_pwd")).isEqualTo(ReturnCode.SUCCESS);
        try (HsmCluster other = TestClusters.catalog(dir, clock).open("demo")) {
            assertThat(other.authenticationRemembers("alice", "alice_pwd")).isFalse();
        }
        assertThat(cluster.authenticationRemembers("alice", "alice_pwd")).isTrue();
        assertThat(cluster.authenticationRemembers("alice", "bad_password")).isFalse();
    }

    /**
     * The client daemon opens the cluster anew for each command it serves, from one catalog: a login that
     * catalog checked right is remembered by the next instance it opens (no slow hash, nothing written),
     * and by no other catalog's.
     */
    @Test
    void aCatalogRemembersALoginAcrossTheInstancesItOpens() {
        ClusterCatalog daemon = TestClusters.catalog(dir, clock);
        try (HsmCluster first = daemon.open("demo")) {
            assertThat(login(first, "alice", "alice_pwd")).isEqualTo(ReturnCode.SUCCESS);
        }
        try (HsmCluster next = daemon.open("demo")) {
            assertThat(next.authenticationRemembers("alice", "alice_pwd")).isTrue();
            next.auditLog().flush();
            long before = next.store().changeCounter();
            assertThat(login(next, "alice", "alice_pwd")).isEqualTo(ReturnCode.SUCCESS);
            next.auditLog().flush();
            assertThat(next.store().changeCounter()).as("the audit record only").isEqualTo(before + 1);
        }
        try (HsmCluster elsewhere = TestClusters.catalog(dir, clock).open("demo")) {
            assertThat(elsewhere.authenticationRemembers("alice", "alice_pwd")).isFalse();
        }
    }
}
