package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserAction;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's "may I?" answers ({@link Permission}) are the answers its commands give: whatever
 * a client is told before acting is what the HSM then does. Each question is asked for every user of
 * the demo cluster and compared with the command's own return code.
 */
class PermissionsTest extends DemoClusterTest {
    private HsmSession login(UserType type, String name) {
        return cluster.login(LoginChannel.MGMT_UTIL, type, name, TestClusters.password(name)).value();
    }

    @Test
    void changingAPasswordIsAllowedExactlyWhenTheCommandSucceeds() {
        for (HsmSession actor : List.of(login(UserType.CO, "officer1"), login(UserType.CO, "admin"),
                login(UserType.CU, "alice"))) {
            for (UserInfo target : cluster.users()) {
                Permission asked = actor.users().may(UserAction.CHANGE_PASSWORD, target);
                // The same password again, so every later login of the test still works.
                char[] same = TestClusters.password(target.name());
                ReturnCode done = actor.users().changePassword(target.type(), target.name(), same).code();
                assertThat(done).as(actor.user().name() + " -> " + target.name()).isEqualTo(asked.code());
            }
        }
    }

    @Test
    void deletingIsAllowedWhenTheCommandSucceedsOrOnlyTheUsersKeysStandInTheWay() {
        TestClusters.login(cluster, "bob").generateSymmetricKey(GenSymKeyRequest.of(31, 16, "bobs"));
        HsmSession alice = login(UserType.CU, "alice");
        for (UserInfo target : cluster.users()) {
            Permission asked = alice.users().may(UserAction.DELETE, target);
            assertThat(asked.code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
            assertThat(alice.users().deleteUser(target.type(), target.name()).code()).isEqualTo(asked.code());
        }
        HsmSession officer = login(UserType.CO, "officer1");
        for (UserInfo target : cluster.users()) {
            Permission asked = officer.users().may(UserAction.DELETE, target);
            ReturnCode done = officer.users().deleteUser(target.type(), target.name()).code();
            if (asked.granted()) {
                assertThat(done).as(target.name()).isIn(ReturnCode.SUCCESS, ReturnCode.USER_OWNS_KEYS);
            } else {
                assertThat(done).as(target.name()).isEqualTo(asked.code());
            }
        }
        assertThat(cluster.users()).extracting(UserInfo::name)
                .containsExactly("admin", "app_user", "bob", "officer1");
    }

    @Test
    void theAnswersNameTheRule() {
        HsmSession officer = login(UserType.CO, "officer1");
        UserInfo admin = user("admin");
        UserInfo self = user("officer1");
        Permission deleteAdmin = officer.users().may(UserAction.DELETE, admin);
        assertThat(deleteAdmin.granted()).isFalse();
        assertThat(deleteAdmin.code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
        assertThat(deleteAdmin.reason()).isEqualTo(ReturnCode.NOT_AUTHORIZED.text());
        assertThat(officer.users().may(UserAction.DELETE, self).code()).isEqualTo(ReturnCode.USER_LOGGED_IN);
        assertThat(officer.users().may(UserAction.DELETE, user("carol"))).isEqualTo(Permission.GRANTED);
        assertThat(officer.users().may(UserAction.CHANGE_PASSWORD, user("app_user")).code())
                .isEqualTo(ReturnCode.NOT_AUTHORIZED);
        officer.close();
        assertThat(officer.users().may(UserAction.CHANGE_PASSWORD, self).code()).isEqualTo(ReturnCode.NOT_LOGGED_IN);
    }

    @Test
    void creatingIsForOfficersAndOnlyCryptoUsersAndOfficers() {
        HsmSession officer = login(UserType.CO, "officer1");
        HsmSession alice = login(UserType.CU, "alice");
        for (UserType type : UserType.values()) {
            Permission asked = officer.users().mayCreate(type);
            assertThat(asked.granted()).as(type.name()).isEqualTo(Set.of(UserType.CU, UserType.CO).contains(type));
            ReturnCode done = officer.users().createUser(type, "new_" + type.name().toLowerCase(),
                    "new_password".toCharArray()).code();
            assertThat(done).as(type.name()).isEqualTo(asked.code());
            assertThat(alice.users().mayCreate(type).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
            assertThat(alice.users().createUser(type, "x_" + type.name(), "new_password".toCharArray()).code())
                    .isEqualTo(ReturnCode.NOT_AUTHORIZED);
        }
    }

    @Test
    void onlyALoggedInCryptoUserWorksWithKeys() {
        HsmSession user = login(UserType.CU, "example_user");
        for (HsmSession s : List.of(user, login(UserType.CO, "officer1"), login(UserType.CO, "admin"))) {
            Permission asked = s.mayUseKeys();
            assertThat(asked.granted()).isEqualTo(s.user().type() == UserType.CU);
            assertThat(s.listKeys().code()).isEqualTo(asked.code());
            assertThat(s.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k")).code()).isEqualTo(asked.code());
        }
        user.close();
        assertThat(user.mayUseKeys().code()).isEqualTo(ReturnCode.NOT_LOGGED_IN);
        assertThat(user.listKeys().code()).isEqualTo(ReturnCode.NOT_LOGGED_IN);
    }

    @Test
    void aKeyMayBeSharedWithExactlyTheShareCandidates() {
        HsmSession owner = TestClusters.login(cluster, "example_user");
        long key = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "shared")).value().handle();
        assertThat(owner.shareCandidates()).extracting(UserInfo::name).containsExactly("alice", "bob", "carol");
        for (UserInfo target : cluster.users()) {
            Permission asked = owner.mayShareWith(target);
            assertThat(owner.shareKey(key, target.id(), true).code()).as(target.name()).isEqualTo(asked.code());
            assertThat(owner.checkGenSymKey(GenSymKeyRequest.of(31, 16, "k").withShareWith(List.of(target.id()))))
                    .as(target.name()).isEqualTo(asked.refusal().map(List::of).orElse(List.of()));
        }
        HsmSession officer = login(UserType.CO, "officer1");
        assertThat(officer.shareCandidates()).isEmpty();
        assertThat(officer.mayShareWith(user("alice")).code()).isEqualTo(ReturnCode.NOT_AUTHORIZED);
    }

    @Test
    void aFipsClusterRefusesRc4And3desWithTheCodeGenerationGives() {
        ClusterOptions options = ClusterOptions.of(HsmType.HSM1_MEDIUM, 2, 0);
        try (HsmCluster fips = TestClusters.catalog(dir.resolve("fips"), clock).createDemo("fips", options)) {
            HsmSession user = TestClusters.login(fips, "example_user");
            for (KeyType type : KeyType.values()) {
                Permission asked = fips.mayMakeKeysOf(type);
                assertThat(asked.granted()).as(type.name()).isEqualTo(type == KeyType.AES || type == KeyType.GENERIC_SECRET);
                int size = type.fixedSizes().isEmpty() ? 16 : type.fixedSizes().get(0);
                assertThat(user.generateSymmetricKey(GenSymKeyRequest.of(type.code(), size, "k")).code())
                        .as(type.name()).isEqualTo(asked.code());
            }
        }
        for (KeyType type : KeyType.values()) {
            assertThat(cluster.mayMakeKeysOf(type).granted()).isTrue();
        }
        HsmSession owner = TestClusters.login(cluster, "example_user");
        assertThat(owner.generateSymmetricKey(GenSymKeyRequest.of(18, 16, "rc4")).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    private UserInfo user(String name) {
        return cluster.users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }
}
