package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, crash safety: key_mgmt_util (the bin/ launcher, keys from piped genSymKey lines) and the
 * console's controller layer ({@link ControllerKeygenMain}) are killed with SIGKILL at random
 * moments while generating keys; after each kill the store is checked ({@link AfterCrash}). All
 * trials share one data folder, so every trial also starts on the store the previous kill left.
 * 5 + 2 trials in the default build, 50 + 20 with {@code -Plong}. Prints its figures and the seed.
 */
class CrashSafetyIT {
    static final int KMU_TRIALS = Scale.pick(5, 50);
    static final int CONSOLE_TRIALS = Scale.pick(2, 20);
    static final long MAX_DELAY_MILLIS = 2_500;

    @TempDir
    Path temp;

    @Test
    void killingKeyMgmtUtilLosesNoAcknowledgedKey() throws Exception {
        Path data = demoCluster();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Acknowledged> all = new ArrayList<>();
        int unacknowledged = 0;
        int commands = 0;
        for (int trial = 1; trial <= KMU_TRIALS; trial++) {
            KillTrial.Outcome outcome = KillTrial.run(data, temp, trial, random, MAX_DELAY_MILLIS);
            all.addAll(outcome.acknowledged());
            commands += outcome.commandsSeen();
            unacknowledged = AfterCrash.check(data, all, "example_user", "example_pwd".toCharArray());
            assertThat(unacknowledged).as("keys in flight when killed, trials 1..%d", trial).isLessThanOrEqualTo(trial);
        }
        report("key_mgmt_util", KMU_TRIALS, all, unacknowledged, commands, seed);
    }

    @Test
    void killingTheConsolesControllerLosesNoAcknowledgedKey() throws Exception {
        Path data = demoCluster();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Acknowledged> all = new ArrayList<>();
        int unacknowledged = 0;
        for (int trial = 1; trial <= CONSOLE_TRIALS; trial++) {
            List<Acknowledged> acks = ControllerKeygenMain.runAndKill(data, trial, random.nextLong(),
                    (long) (random.nextDouble() * MAX_DELAY_MILLIS));
            all.addAll(acks);
            unacknowledged = AfterCrash.check(data, all, "example_user", "example_pwd".toCharArray());
            assertThat(unacknowledged).isLessThanOrEqualTo(trial);
        }
        report("console controller", CONSOLE_TRIALS, all, unacknowledged, all.size(), seed);
    }

    private Path demoCluster() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        new ClusterCatalog(new DataDirectory(data), HsmClock.SYSTEM).createDemo(ClusterCatalog.DEMO_CLUSTER,
                ClusterOptions.demo()).close();
        return data;
    }

    private static void report(String what, int trials, List<Acknowledged> all, int unacknowledged, int commands, long seed) {
        Map<Boolean, Long> kinds = all.stream().collect(Collectors.partitioningBy(a -> a.order().session(),
                Collectors.counting()));
        System.out.printf("crash safety, %s: %d SIGKILL trials, %d keys acknowledged (%d token, %d session), 0 lost,"
                        + " %d unacknowledged keys found whole, %d commands read; seed %d%n", what, trials, all.size(),
                kinds.get(false), kinds.get(true), unacknowledged, commands, seed);
    }

    static Duration timeout() {
        return Duration.ofSeconds(60);
    }
}
