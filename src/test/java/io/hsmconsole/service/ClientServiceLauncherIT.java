package io.hsmconsole.service;

import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launchers as a user runs them (after {@code package}, failsafe): {@code bin/key_mgmt_util
 * singlecmd …} prints the same bytes and exits with the same status whether a service started with
 * {@code bin/cloudhsm_client start} answers it or a JVM of its own runs it, and falls back to the
 * JVM when the service was killed and left its endpoint file behind.
 */
class ClientServiceLauncherIT {

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    private Launchers.Result run(String tool, List<String> args, boolean service) throws Exception {
        return new Launchers(temp, data()).run(tool, args, service);
    }

    private static List<String> login(String... command) {
        return Launchers.login(command);
    }

    @AfterEach
    void stopTheService() throws Exception {
        run("cloudhsm_client", List.of("stop"), false);
    }

    @Test
    void theServiceAnswersWithTheBytesAJvmPrintsAndAKilledServiceFallsBack() throws Exception {
        List<String> listUsers = login("listUsers");
        List<String> wrongPassword = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p", "nope",
                "listUsers");
        Launchers.Result jvm = run("key_mgmt_util", listUsers, false);
        Launchers.Result jvmWrong = run("key_mgmt_util", wrongPassword, false);

        Launchers.Result start = run("cloudhsm_client", List.of("start", "--idle-minutes", "5"), true);
        assertThat(start.status()).as(start.stderr()).isZero();
        assertThat(start.stdout()).startsWith("cloudhsm_client: started (pid ");
        Launchers.Result served = run("key_mgmt_util", listUsers, true);
        Launchers.Result servedWrong = run("key_mgmt_util", wrongPassword, true);
        Launchers.Result again = run("cloudhsm_client", List.of("start"), true);
        Launchers.Result status = run("cloudhsm_client", List.of("status"), true);

        assertThat(served.stdout()).isEqualTo(jvm.stdout()).contains("Cfm3ListUsers returned: 0x00");
        assertThat(served.status()).isEqualTo(jvm.status()).isZero();
        assertThat(servedWrong.stdout()).isEqualTo(jvmWrong.stdout());
        assertThat(servedWrong.status()).isEqualTo(jvmWrong.status()).isEqualTo(1);
        assertThat(again.stdout()).startsWith("cloudhsm_client: already running");
        assertThat(status.stdout()).as("both runs went through the service")
                .contains("data folder   " + data().toRealPath(), "calls served  2");

        long pid = new ServiceFiles(new DataDirectory(data())).readPid().orElseThrow();
        ProcessHandle service = ProcessHandle.of(pid).orElseThrow();
        service.destroyForcibly();
        service.onExit().get(30, TimeUnit.SECONDS);
        assertThat(new ServiceFiles(new DataDirectory(data())).endpoint()).as("a killed service leaves it").exists();

        Launchers.Result fallback = run("key_mgmt_util", listUsers, true);
        assertThat(fallback.stdout()).isEqualTo(jvm.stdout());
        assertThat(fallback.status()).isZero();
        assertThat(run("cloudhsm_client", List.of("status"), true).status()).isEqualTo(3);

        Launchers.Result restart = run("cloudhsm_client", List.of("start"), true);
        assertThat(restart.stdout()).startsWith("cloudhsm_client: started");
        Launchers.Result stop = run("cloudhsm_client", List.of("stop"), true);
        assertThat(stop.stdout()).startsWith("cloudhsm_client: stopped");
        assertThat(new ServiceFiles(new DataDirectory(data())).endpoint()).doesNotExist();
    }
}
