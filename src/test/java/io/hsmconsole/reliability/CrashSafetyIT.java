package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, crash safety: key_mgmt_util (the bin/ launcher, keys from piped genSymKey lines) and the
 * console's controller layer ({@link ControllerKeygenMain}) are killed with SIGKILL at random
 * moments while generating keys, and so is the whole console window (headless, {@link GuiKeygenMain});
 * after each kill the store is checked ({@link AfterCrash}). All trials of a test share one data
 * folder, so every trial also starts on the store the previous kill left. 5 + 2 + 1 trials in the
 * default build, 50 + 20 + 10 with {@code -Plong}. Prints its figures and the seed.
 */
class CrashSafetyIT {
    static final int KMU_TRIALS = Scale.pick(5, 50);
    static final int CONSOLE_TRIALS = Scale.pick(2, 20);
    static final int GUI_TRIALS = Scale.pick(1, 10);
    static final long MAX_DELAY_MILLIS = 2_500;
    /** The window makes a key about every second (it checks each new label with the simulator first). */
    static final long GUI_MAX_DELAY_MILLIS = 6_000;

    @TempDir
    Path temp;

    @Test
    void killingKeyMgmtUtilLosesNoAcknowledgedKey() throws Exception {
        runTrials("key_mgmt_util", KMU_TRIALS, (data, trial, random) ->
                KillTrial.run(data, temp, trial, random, MAX_DELAY_MILLIS));
    }

    @Test
    void killingTheConsolesControllerLosesNoAcknowledgedKey() throws Exception {
        runTrials("console controller", CONSOLE_TRIALS, (data, trial, random) -> ControllerKeygenMain.runAndKill(data,
                trial, random.nextLong(), (long) (random.nextDouble() * MAX_DELAY_MILLIS)));
    }

    /** The bonus: the whole console, headless, generating through its key form, killed. */
    @Test
    void killingTheConsoleWindowLosesNoKeyItsFormShowed() throws Exception {
        runTrials("console window", GUI_TRIALS, (data, trial, random) -> GuiKeygenMain.runAndKill(data, trial,
                (long) (random.nextDouble() * GUI_MAX_DELAY_MILLIS)));
    }

    /** One kill: starts a process generating keys, kills it, returns what it acknowledged. */
    interface Trial {
        Killed run(Path data, int trial, Random random) throws InterruptedException;
    }

    /** Kills one process after another on one data folder, checking the store after each kill. */
    private void runTrials(String what, int trials, Trial kill) throws Exception {
        Path data = demoCluster();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Acknowledged> all = new ArrayList<>();
        List<String> unacknowledged = List.of();
        for (int trial = 1; trial <= trials; trial++) {
            Killed killed = kill.run(data, trial, random);
            all.addAll(killed.acknowledged());
            List<String> before = unacknowledged;
            unacknowledged = AfterCrash.check(data, all, "example_user", "example_pwd".toCharArray());
            List<String> thisKill = unacknowledged.stream().filter(l -> !before.contains(l)).toList();
            assertThat(thisKill).as("keys in flight when trial %d was killed (seed %d); the process's output ended:%n%s",
                    trial, seed, killed.outputTail()).hasSizeLessThanOrEqualTo(1);
        }
        report(what, trials, all, unacknowledged.size(), seed);
    }

    private Path demoCluster() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM).createDemo(ClusterCatalog.DEMO_CLUSTER,
                ClusterOptions.demo()).close();
        return data;
    }

    private static void report(String what, int trials, List<Acknowledged> all, int unacknowledged, long seed) {
        Map<Boolean, Long> kinds = all.stream().collect(Collectors.partitioningBy(a -> a.order().session(),
                Collectors.counting()));
        System.out.printf("crash safety, %s: %d SIGKILL trials, %d keys acknowledged (%d token, %d session), 0 lost,"
                        + " %d unacknowledged keys found whole; seed %d%n", what, trials, all.size(),
                kinds.get(false), kinds.get(true), unacknowledged, seed);
    }
}
