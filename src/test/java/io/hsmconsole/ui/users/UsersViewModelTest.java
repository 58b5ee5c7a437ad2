package io.hsmconsole.ui.users;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Users screen over a real demo cluster, without a toolkit: roles, actions, refusals, password wiping. */
class UsersViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    RecordingDialogs dialogs = new RecordingDialogs();
    UsersViewModel vm;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        UserAdminController admin = new UserAdminController(f.workspace, f.runner, f.errors::add, f.clusterView);
        vm = new UsersViewModel(f.workspace, f.clusterView, admin, Messages.load(), dialogs);
        f.clusterView.refresh();
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private UserInfo user(String name) {
        return vm.rows().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    private void select(String name) {
        vm.selectedProperty().set(user(name));
    }

    @Test
    void theTableListsEveryUserWithTheListUsersColumns() {
        assertThat(vm.rows()).extracting(UserInfo::name)
                .containsExactly("admin", "app_user", "example_user", "alice", "bob", "carol", "officer1");
        UserInfo admin = user("admin");
        assertThat(vm.typeText(admin)).isEqualTo("PCO");
        assertThat(vm.yesNo(admin.quorumKeyRegistered())).isEqualTo("NO");
        assertThat(vm.lockedText(admin)).isEqualTo("\u2014");
        assertThat(vm.accessHintProperty().get()).startsWith("Nobody is logged in");
        assertThat(vm.canCreateProperty().get()).isFalse();
    }

    @Test
    void aCryptoUserSeesItReadOnlyAndMayOnlyChangeTheirOwnPassword() {
        f.login("alice");
        assertThat(vm.accessHintProperty().get()).isEqualTo(
                "Logged in as alice (CU): the list is read-only; you can change your own password.");
        assertThat(vm.canCreateProperty().get()).isFalse();
        assertThat(vm.selectedProperty().get().name()).as("their own row, so the one thing they may do works at once")
                .isEqualTo("alice");
        assertThat(vm.canChangePasswordProperty().get()).isTrue();
        select("bob");
        assertThat(vm.canDeleteProperty().get()).isFalse();
        assertThat(vm.canChangePasswordProperty().get()).isFalse();
        select("alice");
        assertThat(vm.canChangePasswordProperty().get()).isTrue();

        vm.openChangePassword();
        vm.changePassword("alice_new1".toCharArray(), "alice_new1".toCharArray());

        assertThat(vm.noticeProperty().get().text()).isEqualTo("The password of alice was changed.");
        assertThat(f.cluster.login(LoginChannel.CONSOLE, UserType.CU, "alice", "alice_new1".toCharArray()).code())
                .isEqualTo(ReturnCode.SUCCESS);
    }

    @Test
    void anOfficerCreatesAUserWhoCanThenLogIn() {
        f.login("officer1");
        assertThat(vm.canCreateProperty().get()).isTrue();
        vm.openCreate();
        assertThat(vm.formProperty().get()).isEqualTo(UsersViewModel.Form.CREATE);
        vm.newUserNameProperty().set("dave");
        char[] password = "dave_pwd1".toCharArray();
        char[] repeated = "dave_pwd1".toCharArray();

        vm.create(password, repeated);

        assertThat(password).containsOnly('\0');
        assertThat(repeated).containsOnly('\0');
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Created CU user dave with ID 8.");
        assertThat(vm.formProperty().get()).isEqualTo(UsersViewModel.Form.NONE);
        assertThat(vm.rows()).extracting(UserInfo::name).contains("dave");
        assertThat(f.cluster.login(LoginChannel.CONSOLE, UserType.CU, "dave", "dave_pwd1".toCharArray()).isSuccess()).isTrue();
    }

    @Test
    void differentPasswordsAreCaughtBeforeTheHsmAndBothAreWiped() {
        f.login("officer1");
        vm.openCreate();
        vm.newUserNameProperty().set("dave");
        char[] password = "dave_pwd1".toCharArray();
        char[] repeated = "dave_pwd2".toCharArray();

        vm.create(password, repeated);

        assertThat(password).containsOnly('\0');
        assertThat(repeated).containsOnly('\0');
        assertThat(vm.noticeProperty().get().text()).startsWith("The two passwords differ");
        assertThat(vm.rows()).extracting(UserInfo::name).doesNotContain("dave");
        assertThat(vm.formProperty().get()).isEqualTo(UsersViewModel.Form.CREATE);
    }

    @Test
    void theSimulatorsRefusalsAreShownWithTheirCodes() {
        f.login("officer1");
        vm.openCreate();
        vm.newUserNameProperty().set("alice");
        vm.create("alice_pwd2".toCharArray(), "alice_pwd2".toCharArray());
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text())
                .isEqualTo("Creating CU user \u201calice\u201d was refused: A user with this name already exists");
        assertThat(vm.noticeProperty().get().codeLine()).contains("0x4000001c");

        vm.newUserNameProperty().set("shorty");
        vm.create("short".toCharArray(), "short".toCharArray());
        assertThat(vm.noticeProperty().get().codeLine()).contains("0x4000001b");
    }

    @Test
    void deletingAsksFirstAndTheHsmRefusesAUserWhoOwnsKeys() {
        try (HsmCluster other = TestClusters.catalog(dir, f.clock).open("demo")) {
            HsmSession bob = TestClusters.login(other, "bob");
            bob.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "bobs"));
            bob.close();
        }
        f.clusterView.refresh();
        f.login("officer1");
        select("bob");
        dialogs.confirmAnswer = false;
        vm.delete();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(vm.noticeProperty().get().text()).isEmpty();

        dialogs.confirmAnswer = true;
        vm.delete();
        assertThat(vm.noticeProperty().get().codeLine()).contains("0x4000001d");
        assertThat(vm.rows()).extracting(UserInfo::name).contains("bob");

        select("carol");
        vm.delete();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("carol was deleted.");
        assertThat(vm.rows()).extracting(UserInfo::name).doesNotContain("carol");
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void anotherUserWhoIsLoggedInKeepsTheirPasswordUntilTheyLogOut() {
        // An application of this process (the client daemon's PKCS#11 endpoint) holds a session as bob.
        HsmSession bob = TestClusters.login(f.cluster, "bob");
        f.login("officer1");
        select("bob");
        assertThat(vm.canChangePasswordProperty().get()).isFalse();
        assertThat(vm.whyNoChangePasswordProperty().get()).contains("You cannot change the password of bob (5) while"
                + " that user is logged in to the cluster").contains("0x4000001e");

        bob.logout();
        select("alice");
        select("bob");
        assertThat(vm.canChangePasswordProperty().get()).isTrue();
    }

    @Test
    void theActionsOfferedAreTheSimulatorsAnswers() {
        f.login("officer1");
        select("officer1");
        assertThat(vm.canDeleteProperty().get()).as("nobody deletes themselves (USER_LOGGED_IN)").isFalse();
        assertThat(vm.canChangePasswordProperty().get()).isTrue();
        select("admin");
        assertThat(vm.canDeleteProperty().get()).as("the PCO cannot be deleted").isFalse();
        select("app_user");
        assertThat(vm.canDeleteProperty().get()).isFalse();
        assertThat(vm.canChangePasswordProperty().get()).as("the appliance user has no password to change").isFalse();
        select("carol");
        assertThat(vm.canDeleteProperty().get()).isTrue();
        assertThat(vm.creatableTypes()).containsExactly(UserType.CU, UserType.CO);
        assertThat(vm.passwordHint()).startsWith("7 to 32 characters.");
    }

    @Test
    void unlockIsAPasswordChangeThatResetsTheFailureCount() {
        for (int i = 0; i < 5; i++) {
            f.cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "wrong_pwd".toCharArray());
        }
        f.clusterView.refresh();
        f.login("officer1");
        select("bob");
        assertThat(vm.lockedText(user("bob"))).isEqualTo("locked");
        assertThat(user("bob").loginFailures()).isEqualTo(5);
        assertThat(vm.canUnlockProperty().get()).isTrue();

        vm.openUnlock();
        assertThat(vm.formTitleProperty().get()).isEqualTo("Unlock bob (5): set a new password");
        vm.changePassword("bob_pwd_2".toCharArray(), "bob_pwd_2".toCharArray());

        assertThat(vm.noticeProperty().get().text()).isEqualTo("The password of bob was changed and the account is unlocked.");
        assertThat(user("bob").locked()).isFalse();
        assertThat(user("bob").loginFailures()).isZero();
        assertThat(vm.canUnlockProperty().get()).isFalse();
        HsmResult<HsmSession> login = f.cluster.login(LoginChannel.CONSOLE, UserType.CU, "bob", "bob_pwd_2".toCharArray());
        assertThat(login.isSuccess()).isTrue();
    }

    @Test
    void loggingOutClosesAnOpenForm() {
        f.login("officer1");
        vm.openCreate();
        f.sessions.logout(r -> { });
        assertThat(vm.formProperty().get()).isEqualTo(UsersViewModel.Form.NONE);
        assertThat(vm.canCreateProperty().get()).isFalse();
    }

    /** Issue 19 item 6: each disabled button says why, from the simulator's permissions, with the code. */
    @Test
    void everyDisabledButtonSaysWhy() {
        assertThat(vm.whyNoCreateProperty().get()).startsWith("Log in as a crypto officer (CO) to create users. "
                + "HSM return code 0x40000001 (HSM Error: No user is logged in to do this operation)");
        assertThat(vm.whyNoDeleteProperty().get()).isEqualTo("Select a user in the table first.");

        f.login("alice");
        assertThat(vm.whyNoCreateProperty().get()).startsWith("Only a crypto officer (CO or PCO) can create users.");
        select("bob");
        assertThat(vm.whyNoChangePasswordProperty().get()).startsWith(
                "The HSM does not let you change the password of bob: a crypto user changes only their own");
        assertThat(vm.whyNoDeleteProperty().get()).startsWith("The HSM does not let you delete bob");
        select("alice");
        assertThat(vm.whyNoChangePasswordProperty().get()).isEmpty();
        assertThat(vm.canChangePasswordProperty().get()).isTrue();
        assertThat(vm.whyNoUnlockProperty().get()).isEqualTo(
                "alice (4) is not locked: unlock is for an account locked by failed logins.");
        assertThat(vm.canUnlockProperty().get()).isFalse();
    }

    @Test
    void anOfficerIsToldWhyTheyCannotDeleteThemselvesOrThePco() {
        f.login("officer1");
        assertThat(vm.whyNoCreateProperty().get()).isEmpty();
        select("officer1");
        assertThat(vm.whyNoDeleteProperty().get()).startsWith("You cannot delete officer1: it is you");
        select("admin");
        assertThat(vm.whyNoDeleteProperty().get()).contains("nobody deletes the primary crypto officer (PCO)");
        select("bob");
        assertThat(vm.whyNoDeleteProperty().get()).isEmpty();
        assertThat(vm.canDeleteProperty().get()).isTrue();
    }
}
