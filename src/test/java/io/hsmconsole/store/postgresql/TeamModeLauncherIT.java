package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.OwnerOnly;
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
 * Team mode through the real launcher: two data folders ("two machines") with the same
 * {@code HSM_CONSOLE_STORE=postgresql://…} share one cluster. Machine B cannot read it until it
 * holds the master key (one clear line, no stack trace); with a copy of it, a key made on either
 * machine is found on both.
 */
class TeamModeLauncherIT {
    private static final Path LAUNCHER = Path.of("bin", "key_mgmt_util").toAbsolutePath();
    private static final List<String> LOGIN = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
            "-p", "example_pwd");

    @TempDir
    Path temp;

    @Test
    void twoDataFoldersOnOneServerSeeTheSameKeys() throws Exception {
        String store = PostgresServer.text(PostgresServer.get().newDatabase());
        Path machineA = temp.resolve("machine-a");
        Path machineB = temp.resolve("machine-b");

        Result made = run(machineA, store, "genSymKey", "-l", "team-aes", "-t", "31", "-s", "32");
        assertThat(made.status).as(made.output).isZero();
        assertThat(made.output).contains("Symmetric Key Created.  Key Handle: ");

        Result withoutKey = run(machineB, store, "findKey", "-l", "team-aes");
        assertThat(withoutKey.status).as(withoutKey.output).isEqualTo(1);
        assertThat(withoutKey.output).contains("key_mgmt_util: error: ", "master key", "master.key")
                .doesNotContain("Exception", "\tat ");

        Path keyOnB = machineB.resolve("clusters").resolve("demo").resolve("master.key");
        OwnerOnly.createDirectories(keyOnB.getParent());
        OwnerOnly.writeWhole(keyOnB, Files.readAllBytes(machineA.resolve("clusters").resolve("demo").resolve("master.key")));

        Result madeOnB = run(machineB, store, "genSymKey", "-l", "team-aes", "-t", "31", "-s", "32");
        assertThat(madeOnB.status).as(madeOnB.output).isZero();

        Result onA = run(machineA, store, "findKey", "-l", "team-aes");
        Result onB = run(machineB, store, "findKey", "-l", "team-aes");
        assertThat(onA.status).as(onA.output).isZero();
        assertThat(onA.output).contains("Total number of keys present 2");
        assertThat(handles(onB.output)).isEqualTo(handles(onA.output)).hasSize(2);

        Result alone = run(temp.resolve("machine-c"), null, "findKey", "-l", "team-aes");
        assertThat(alone.status).as("without HSM_CONSOLE_STORE the local SQLite store: " + alone.output).isZero();
        assertThat(alone.output).doesNotContain("Total number of keys present 2");
        assertThat(temp.resolve("machine-c").resolve("clusters").resolve("demo").resolve("cluster.db")).exists();
    }

    private static List<String> handles(String findKeyOutput) {
        String line = findKeyOutput.lines().dropWhile(l -> !l.startsWith(" number of keys matched"))
                .skip(1).takeWhile(l -> !l.isBlank()).reduce("", (a, b) -> a + b);
        return List.of(line.strip().split(",\\s*"));
    }

    private Result run(Path data, String store, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(LOGIN);
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        if (store == null) {
            pb.environment().remove("HSM_CONSOLE_STORE");
        } else {
            pb.environment().put("HSM_CONSOLE_STORE", store);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process ended").isTrue();
        return new Result(p.exitValue(), out);
    }

    private record Result(int status, String output) {
    }
}
