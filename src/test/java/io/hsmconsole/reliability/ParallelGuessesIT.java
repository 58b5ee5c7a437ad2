package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, case 6, as it was reported: 19 wrong passwords and the right one as 20 parallel
 * {@code bin/key_mgmt_util singlecmd loginHSM} processes. Before the fix all 19 were checked and
 * the right one still logged in. Now the attempts are counted before the slow check, atomically
 * across processes: the right one gets in only among the first five, and no more than five wrong
 * passwords are ever checked in a row (4 before a right one, 5 after it at most).
 */
class ParallelGuessesIT {
    private static final int PROCESSES = 20;

    @TempDir
    Path temp;

    @Test
    void twentyParallelProcessesCannotBeatTheLockout() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM)
                .createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            String password = i == PROCESSES / 2 ? "bob_pwd" : "guess_" + i;
            ProcessBuilder pb = new ProcessBuilder(Path.of("bin", "key_mgmt_util").toAbsolutePath().toString(),
                    "singlecmd", "loginHSM", "-u", "CU", "-s", "bob", "-p", password)
                    .directory(temp.toFile()).redirectErrorStream(true);
            pb.environment().put("HSM_CONSOLE_DATA", data.toString());
            pb.environment().remove("HSM_CONSOLE_CLUSTER");
            processes.add(pb.start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            outputs.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        long evaluated = outputs.stream().filter(o -> o.contains(ReturnCode.LOGIN_FAILURE.text())).count();
        long locked = outputs.stream().filter(o -> o.contains(ReturnCode.ACCOUNT_LOCKED.text())).count();
        boolean rightOneIn = !outputs.get(PROCESSES / 2).contains("HSM Error");
        assertThat(evaluated + locked).as("every wrong guess answered: %s", outputs)
                .isEqualTo(PROCESSES - (rightOneIn ? 1 : 0));
        assertThat(evaluated).as("wrong passwords checked (the right one got in: %s)", rightOneIn)
                .isLessThanOrEqualTo(rightOneIn ? 9 : 5);
        System.out.printf("20 parallel logins: %d wrong passwords checked, %d refused as locked, the right one %s%n",
                evaluated, locked, rightOneIn ? "got in" : "was refused");
    }
}
