package io.hsmconsole.service;

import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final Path BIN = Path.of("bin").toAbsolutePath();
    private static final List<String> LOGIN = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
            "-p", "example_pwd");

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
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
        Result jvm = run("key_mgmt_util", listUsers, false);
        Result jvmWrong = run("key_mgmt_util", wrongPassword, false);

        Result start = run("cloudhsm_client", List.of("start", "--idle-minutes", "5"), true);
        assertThat(start.status()).as(start.stderr()).isZero();
        assertThat(start.stdout()).startsWith("cloudhsm_client: started (pid ");
        Result served = run("key_mgmt_util", listUsers, true);
        Result servedWrong = run("key_mgmt_util", wrongPassword, true);
        Result again = run("cloudhsm_client", List.of("start"), true);
        Result status = run("cloudhsm_client", List.of("status"), true);

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

        Result fallback = run("key_mgmt_util", listUsers, true);
        assertThat(fallback.stdout()).isEqualTo(jvm.stdout());
        assertThat(fallback.status()).isZero();
        assertThat(run("cloudhsm_client", List.of("status"), true).status()).isEqualTo(3);

        Result restart = run("cloudhsm_client", List.of("start"), true);
        assertThat(restart.stdout()).startsWith("cloudhsm_client: started");
        Result stop = run("cloudhsm_client", List.of("stop"), true);
        assertThat(stop.stdout()).startsWith("cloudhsm_client: stopped");
        assertThat(new ServiceFiles(new DataDirectory(data())).endpoint()).doesNotExist();
    }

    private static List<String> login(String... command) {
        List<String> args = new ArrayList<>(LOGIN);
        args.addAll(List.of(command));
        return args;
    }

    /** One launcher run from a folder that is not the project; {@code service=false} forces the JVM path. */
    private Result run(String tool, List<String> args, boolean service) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(BIN.resolve(tool).toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(temp.toFile());
        pb.environment().put("HSM_CONSOLE_DATA", data().toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        if (!service) {
            pb.environment().put("HSM_CONSOLE_SERVICE", "off");
        }
        Path err = Files.createTempFile(temp, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("process ended").isTrue();
        return new Result(p.exitValue(), out, Files.readString(err));
    }

    private record Result(int status, String stdout, String stderr) {
    }
}
