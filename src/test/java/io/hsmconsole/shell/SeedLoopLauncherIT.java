package io.hsmconsole.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's loop through the real launcher, as a user runs it: 30 processes of
 * {@code bin/key_mgmt_util singlecmd loginHSM … genSymKey -l aes …}, then {@code findKey -l aes}
 * finds the 30 keys. Runs after {@code package} (failsafe), from a folder that is not the project.
 */
class SeedLoopLauncherIT {
    private static final Path LAUNCHER = Path.of("bin", "key_mgmt_util").toAbsolutePath();
    private static final List<String> LOGIN = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
            "-p", "example_pwd");

    @TempDir
    Path temp;

    @Test
    void theSeedLoopMakesThirtyKeysThatFindKeyFinds() throws Exception {
        Path data = temp.resolve("data");
        for (int i = 1; i <= 30; i++) {
            Result r = run(data, "genSymKey", "-l", "aes", "-t", "31", "-s", "32", "-min_srv", "1", "-timeout", "1");
            assertThat(r.status).as("exit status of run " + i + ":\n" + r.output).isZero();
            assertThat(r.output).contains("Cfm3GenerateSymmetricKey returned: 0x00 : HSM Return: SUCCESS",
                    "Symmetric Key Created.  Key Handle: ");
        }
        Result find = run(data, "findKey", "-l", "aes");
        assertThat(find.status).isZero();
        assertThat(find.output).contains("Total number of keys present 30", " number of keys matched from start index 0::29");
        String handles = find.output.lines().dropWhile(l -> !l.startsWith(" number of keys matched"))
                .skip(1).takeWhile(l -> !l.isBlank()).reduce("", (a, b) -> a + b);
        assertThat(handles.split(",")).hasSize(30);
    }

    @Test
    void aWrongPasswordExitsWithOneAndAnUnknownModeWithTwo() throws Exception {
        Path data = temp.resolve("data2");
        List<String> wrong = new ArrayList<>(List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
                "-p", "wrong_pwd", "findKey"));
        assertThat(start(data, wrong).status).isEqualTo(1);
        assertThat(start(data, List.of("bogus")).status).isEqualTo(2);
    }

    @Test
    void anUnreadableStoreGivesOneLineNamingTheFile() throws Exception {
        Path data = temp.resolve("broken");
        Path cluster = Files.createDirectories(data.resolve("clusters").resolve("demo"));
        Files.writeString(cluster.resolve("cluster.db"), "this is not a database");
        Files.writeString(cluster.resolve("master.key"), "nor a key");
        Result r = start(data, List.of("singlecmd", "listUsers"));
        assertThat(r.status).isEqualTo(1);
        assertThat(r.output).contains("key_mgmt_util: error: ", "cluster.db").doesNotContain("Exception", "\tat ");
    }

    private Result run(Path data, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(LOGIN);
        args.addAll(List.of(command));
        return start(data, args);
    }

    private Result start(Path data, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
        return new Result(p.exitValue(), out);
    }

    private record Result(int status, String output) {
    }
}
