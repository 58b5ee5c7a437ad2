package io.hsmconsole.ui.login;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.ui.common.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LoginViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    LoginViewModel vm;
    final AtomicInteger successes = new AtomicInteger();

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        vm = new LoginViewModel(f.sessions, Messages.load());
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private void logIn(String user, String password) {
        vm.userNameProperty().set(user);
        vm.passwordEnteredProperty().set(!password.isEmpty());
        vm.logIn(password.toCharArray(), successes::incrementAndGet);
    }

    @Test
    void theDemoClusterIsPreselectedWithItsPasswordHint() {
        assertThat(vm.clusters()).containsExactly("demo");
        assertThat(vm.clusterProperty().get()).isEqualTo("demo");
        assertThat(vm.demoClusterProperty().get()).isTrue();
        assertThat(vm.demoHint()).contains("example_user / example_pwd").contains("officer1 / officer1_pwd");
    }

    @Test
    void loggingInNeedsAUserAndAPassword() {
        assertThat(vm.canLogInProperty().get()).isFalse();
        vm.userNameProperty().set("example_user");
        assertThat(vm.canLogInProperty().get()).isFalse();
        vm.passwordEnteredProperty().set(true);
        assertThat(vm.canLogInProperty().get()).isTrue();
    }

    @Test
    void theRightPasswordLogsIn() {
        logIn("example_user", "example_pwd");

        assertThat(successes).hasValue(1);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(f.workspace.sessionInfo()).isPresent();
    }

    @Test
    void aWrongPasswordSaysHowCloseTheLockoutIs() {
        logIn("alice", "wrong_pwd");
        logIn("alice", "wrong_pwd");

        assertThat(successes).hasValue(0);
        assertThat(vm.errorProperty().get()).startsWith("Wrong password for alice. Failed logins in a row: 2 of 5")
                .contains("0xa3").contains("RET_USER_LOGIN_FAILURE");
    }

    @Test
    void aLockedAccountIsReportedWithTheSimulatorsWords() {
        for (int i = 0; i < 5; i++) {
            logIn("bob", "wrong_pwd");
        }
        logIn("bob", "bob_pwd");

        assertThat(successes).hasValue(0);
        assertThat(vm.errorProperty().get()).contains("locked").contains("0x40000003");
    }

    @Test
    void anUnknownUserIsNamed() {
        logIn("mallory", "whatever1");

        assertThat(vm.errorProperty().get()).startsWith("There is no user \u201cmallory\u201d in cluster \u201cdemo\u201d")
                .contains("0x9d");
    }
}
