package io.hsmconsole.hsm;

import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, lockout after 5 failures, where the unit tests do not reach: failures counted across
 * processes (two open stores of one cluster, as a script and the console have), officers locked as
 * crypto users are, other users unaffected, and cloudhsm_mgmt_util telling a locked user so.
 */
class LockoutAcrossProcessesTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void failuresInTwoProcessesAddUpToALockoutThatBothSee() {
        TestClusters.demo(dir, clock).close();
        try (HsmCluster script = TestClusters.catalog(dir, clock).open("demo");
             HsmCluster console = TestClusters.catalog(dir, clock).open("demo")) {
            for (int i = 0; i < 5; i++) {
                HsmCluster process = i % 2 == 0 ? script : console;
                assertThat(login(process, UserType.CU, "bob", "bad_password")).as("failure %d", i + 1)
                        .isEqualTo(ReturnCode.LOGIN_FAILURE);
            }
            assertThat(login(script, UserType.CU, "bob", "bob_pwd")).isEqualTo(ReturnCode.ACCOUNT_LOCKED);
            assertThat(login(console, UserType.CU, "bob", "bob_pwd")).isEqualTo(ReturnCode.ACCOUNT_LOCKED);
            assertThat(login(console, UserType.CU, "alice", "alice_pwd")).as("other users are not locked")
                    .isEqualTo(ReturnCode.SUCCESS);

            HsmSession officer = script.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray())
                    .value();
            assertThat(officer.users().changePassword(UserType.CU, "bob", "bob_new_pwd".toCharArray()).code())
                    .isEqualTo(ReturnCode.SUCCESS);
            assertThat(login(console, UserType.CU, "bob", "bob_new_pwd")).as("unlocked by the officer, seen by the other process")
                    .isEqualTo(ReturnCode.SUCCESS);
        }
    }

    @Test
    void anOfficerIsLockedAfterFiveFailuresToo() {
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            for (int i = 0; i < 5; i++) {
                assertThat(cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "wrong_pwd".toCharArray()).code())
                        .isEqualTo(ReturnCode.LOGIN_FAILURE);
            }
            assertThat(cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).code())
                    .isEqualTo(ReturnCode.ACCOUNT_LOCKED);
            assertThat(cluster.users().stream().filter(u -> u.name().equals("officer1")).findFirst().orElseThrow().locked())
                    .isTrue();
        }
    }

    @Test
    void cloudHsmMgmtUtilSaysTheAccountIsLocked() {
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lines.add("loginHSM CU carol not_carols_pwd");
            }
            lines.addAll(List.of("loginHSM CU carol carol_pwd", "quit"));
            FuzzConsole console = new FuzzConsole();
            console.nextInput(lines);
            new CmuShell(cluster, console, dir, clock).run(List.of());
            String output = console.outputOfInput();
            assertThat(output.split("loginHSM failed on server 0", -1)).hasSize(7);
            assertThat(output.substring(output.lastIndexOf("loginHSM CU carol carol_pwd")))
                    .contains("loginHSM failed on server 0(10.0.0.1): " + ReturnCode.ACCOUNT_LOCKED.text())
                    .doesNotContain("success");
        }
    }

    private static ReturnCode login(HsmCluster cluster, UserType type, String user, String password) {
        HsmResult<HsmSession> r = cluster.login(LoginChannel.KEY_MGMT_UTIL, type, user, password.toCharArray());
        r.valueIfSuccess().ifPresent(HsmSession::close);
        return r.code();
    }
}
