package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresServer;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.store.postgresql.TeamMachines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team mode's reliability with real key_mgmt_util processes on a throw-away PostgreSQL server:
 * SIGKILL mid-write on two "machines" (two data folders) loses no acknowledged key and leaves
 * nothing half-written; four processes on two machines generating at once never get one handle
 * twice and take each contested key ID once; a server restart mid-run gives a clear error naming
 * the server (no stack trace), stores nothing of the failed command, and the same process then
 * carries on. Prints its figures.
 */
class TeamReliabilityIT {
    private static final int KILL_TRIALS = Scale.pick(4, 40);
    private static final int KEYS_PER_WRITER = Scale.pick(40, 400);
    private static final Duration ANSWER = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void killingKeyMgmtUtilOnEitherMachineLosesNoAcknowledgedKey() throws Exception {
        try (TeamMachines team = new TeamMachines()) {
            team.catalog(team.machineA).createDemo(TeamMachines.CLUSTER, ClusterOptions.demo()).close();
            team.joinB();
            Map<String, String> env = Map.of("HSM_CONSOLE_STORE", team.storeText());
            long seed = System.nanoTime();
            Random random = new Random(seed);
            List<Acknowledged> all = new ArrayList<>();
            List<String> unacknowledged = List.of();
            for (int trial = 1; trial <= KILL_TRIALS; trial++) {
                Path machine = trial % 2 == 0 ? team.machineB : team.machineA;
                Killed killed = KillTrial.run(machine, temp, trial, random, CrashSafetyIT.MAX_DELAY_MILLIS, env);
                all.addAll(killed.acknowledged());
                List<String> before = unacknowledged;
                unacknowledged = AfterCrash.check(team.backend, trial % 2 == 0 ? team.machineA : team.machineB, all,
                        "example_user", "example_pwd".toCharArray());
                List<String> thisKill = unacknowledged.stream().filter(l -> !before.contains(l)).toList();
                assertThat(thisKill).as("keys in flight when trial %d was killed (seed %d); output ended:%n%s",
                        trial, seed, killed.outputTail()).hasSizeLessThanOrEqualTo(1);
            }
            System.out.printf("team mode, SIGKILL: %d trials on 2 machines, %d keys acknowledged, 0 lost,"
                    + " %d unacknowledged found whole; seed %d%n", KILL_TRIALS, all.size(), unacknowledged.size(), seed);
        }
    }

    @Test
    void fourProcessesOnTwoMachinesNeverShareAHandle() throws Exception {
        try (TeamMachines team = new TeamMachines()) {
            team.createOnA().close();
            Map<String, String> env = Map.of("HSM_CONSOLE_STORE", team.storeText());
            List<ShellProcess> writers = new ArrayList<>();
            try {
                for (int w = 0; w < 4; w++) {
                    ShellProcess kmu = ShellProcess.start("key_mgmt_util", w < 2 ? team.machineA : team.machineB,
                            temp, List.of(), env);
                    writers.add(kmu);
                    kmu.type("loginHSM -u CU -s example_user -p example_pwd");
                    for (int i = 0; i < KEYS_PER_WRITER; i++) {
                        // Every other key contests an ID with the other three writers.
                        kmu.type("genSymKey -t 31 -s 16 -l w" + w + "-" + i + (i % 2 == 0 ? " -id shared-" + i : ""));
                    }
                    kmu.type("exit");
                }
                List<Long> handles = new ArrayList<>();
                Map<String, Integer> idWinners = new java.util.HashMap<>();
                for (ShellProcess kmu : writers) {
                    assertThat(kmu.finish(ANSWER)).as(kmu.everything()).isZero();
                    for (String command : kmu.everything().split("\nCommand: ", -1)) {
                        Long handle = command.startsWith("genSymKey ") ? KmuOutput.createdHandle(command) : null;
                        if (handle != null) {
                            handles.add(handle);
                            java.util.regex.Matcher id = java.util.regex.Pattern.compile("-id (\\S+)").matcher(command);
                            if (id.find()) {
                                idWinners.merge(id.group(1), 1, Integer::sum);
                            }
                        }
                    }
                }
                Set<Long> distinct = new HashSet<>(handles);
                assertThat(distinct).as("no handle twice").hasSameSizeAs(handles);
                assertThat(handles).hasSize(4 * (KEYS_PER_WRITER - KEYS_PER_WRITER / 2) + KEYS_PER_WRITER / 2);
                assertThat(idWinners.values()).as("each contested ID taken once").allMatch(n -> n == 1)
                        .hasSize(KEYS_PER_WRITER / 2);
                try (HsmCluster onA = team.catalog(team.machineA).open(TeamMachines.CLUSTER);
                     HsmSession owner = TestClusters.login(onA, "example_user")) {
                    assertThat(owner.listKeys().value()).hasSameSizeAs(handles);
                    assertThat(onA.auditLog().verify().intact()).isTrue();
                }
                System.out.printf("team mode, 4 writers on 2 machines: %d keys, every handle once, %d contested IDs"
                        + " each taken once%n", handles.size(), idWinners.size());
            } finally {
                writers.forEach(ShellProcess::close);
            }
        }
    }

    @Test
    void aServerRestartGivesAClearErrorAndTheSameProcessCarriesOn() throws Exception {
        PostgresServer own = PostgresServer.startOwn();
        PostgresUrl url = own.newDatabase();
        Path data = temp.resolve("data");
        new ClusterCatalog(new PostgresBackend(url), new DataDirectory(data), HsmClock.SYSTEM)
                .createDemo(TeamMachines.CLUSTER, ClusterOptions.demo()).close();
        try (ShellProcess kmu = ShellProcess.start("key_mgmt_util", data, temp, List.of(),
                Map.of("HSM_CONSOLE_STORE", PostgresServer.text(url)))) {
            kmu.awaitPrompt(ShellProcess.KMU_PROMPT, ANSWER);
            assertThat(kmu.send("loginHSM -u CU -s example_user -p example_pwd", ShellProcess.KMU_PROMPT, ANSWER))
                    .contains("returned: 0x00");
            assertThat(kmu.send("genSymKey -t 31 -s 16 -l before", ShellProcess.KMU_PROMPT, ANSWER))
                    .contains("Key Handle: ");

            own.stopServer();
            // The first command meets a connection the server cut, the second finds no server at all.
            String down = kmu.send("genSymKey -t 31 -s 16 -l during", ShellProcess.KMU_PROMPT, ANSWER)
                    + kmu.send("genSymKey -t 31 -s 16 -l during", ShellProcess.KMU_PROMPT, ANSWER);
            own.startServer();

            assertThat(down.split("Error: cannot reach the PostgreSQL server ", -1)).as(down).hasSize(3);
            assertThat(down).as(down).contains(own.address()).doesNotContain("Key Handle: ")
                    .doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(kmu.send("genSymKey -t 31 -s 16 -l after", ShellProcess.KMU_PROMPT, ANSWER))
                    .as("the same process carries on").contains("Key Handle: ");
            assertThat(kmu.send("findKey -l during", ShellProcess.KMU_PROMPT, ANSWER))
                    .as("nothing of the failed command was stored").contains("Total number of keys present 0");
            assertThat(kmu.send("findKey -l before", ShellProcess.KMU_PROMPT, ANSWER))
                    .contains("Total number of keys present 1");
            System.out.printf("team mode, server restart: key_mgmt_util said%n%s%n", down.strip());
        }
    }
}
