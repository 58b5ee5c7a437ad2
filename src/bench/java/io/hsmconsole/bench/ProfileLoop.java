package io.hsmconsole.bench;

import io.hsmconsole.store.TestFiles;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GenSymKeyRequest;

import java.nio.file.Path;

/**
 * Runs one key-generation workload in a plain loop for a number of seconds, for profiling with
 * Java Flight Recorder without JMH's harness in the picture. Prints keys/s and the CPU time per key
 * of the generating thread, which stays comparable when other processes load the machine.
 * Arguments: {@code durable|session} and the seconds to run.
 */
public final class ProfileLoop {
    private ProfileLoop() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("durable") || args[0].equals("session"))) {
            throw new IllegalArgumentException("usage: ProfileLoop durable|session SECONDS");
        }
        boolean session = args[0].equals("session");
        long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        Path dataDir = BenchDirs.newDataDir("profile");
        GenSymKeyRequest request = GenSymKeyRequest.of(31, 32, "profile").withSession(session);
        long keys = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = 0;
        long start = System.nanoTime();
        try (HsmCluster cluster = BenchClusters.create(dataDir, 50_000_000)) {
            HsmSession s = BenchClusters.login(cluster, "example_user");
            cpuStart = threads.getCurrentThreadCpuTime();
            while (System.nanoTime() < end) {
                BenchChecks.handleOf(s.generateSymmetricKey(request));
                if (++keys % 100_000 == 0 && session) {
                    s.close();
                    s = BenchClusters.login(cluster, "example_user");
                }
            }
            s.close();
            cpuStart = threads.getCurrentThreadCpuTime() - cpuStart;
        } finally {
            TestFiles.deleteTree(dataDir);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d keys in %.1f s = %,.0f keys/s; %.1f µs CPU per key (logins included)%n", args[0],
                keys, seconds, keys / seconds, cpuStart / 1e3 / keys);
    }
}
