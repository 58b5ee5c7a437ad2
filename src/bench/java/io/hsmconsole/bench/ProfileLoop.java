package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.store.TestFiles;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one workload in a plain loop for a number of seconds, for profiling with Java Flight Recorder
 * without JMH's harness in the picture. Prints the rate and the CPU time per operation of the working
 * thread, which stays comparable when other processes load the machine. Arguments:
 * {@code durable|session SECONDS} (key generation on a fresh cluster) or {@code list SECONDS DATA_DIR}
 * (findKey without criteria as example_user on the cluster "bench" of a folder made by PopulateDir).
 */
public final class ProfileLoop {
    private ProfileLoop() {
    }

    public static void main(String[] args) {
        boolean list = args.length == 3 && args[0].equals("list");
        boolean sessions = args.length == 3 && args[0].equals("durable");
        if (!list && !sessions && (args.length != 2 || !(args[0].equals("durable") || args[0].equals("session")))) {
            throw new IllegalArgumentException("usage: ProfileLoop durable|session SECONDS, ProfileLoop durable SECONDS"
                    + " SESSIONS, or ProfileLoop list SECONDS DATA_DIR");
        }
        long seconds = Long.parseLong(args[1]);
        if (list) {
            listLoop(seconds, Path.of(args[2]));
        } else if (sessions) {
            sessionsLoop(seconds, Integer.parseInt(args[2]));
        } else {
            keygenLoop(args[0].equals("session"), seconds);
        }
    }

    private static void keygenLoop(boolean session, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Path dataDir = BenchDirs.newDataDir("profile");
        GenSymKeyRequest request = GenSymKeyRequest.of(31, 32, "profile").withSession(session);
        long keys = 0;
        long cpu;
        long start = System.nanoTime();
        try (HsmCluster cluster = BenchClusters.create(dataDir, 50_000_000)) {
            HsmSession s = BenchClusters.login(cluster, "example_user");
            long cpuStart = threads().getCurrentThreadCpuTime();
            while (System.nanoTime() < end) {
                BenchChecks.handleOf(s.generateSymmetricKey(request));
                if (++keys % 100_000 == 0 && session) {
                    s.close();
                    s = BenchClusters.login(cluster, "example_user");
                }
            }
            s.close();
            cpu = threads().getCurrentThreadCpuTime() - cpuStart;
        } finally {
            TestFiles.deleteTree(dataDir);
        }
        report(session ? "session" : "durable", "keys", keys, start, cpu, "logins included");
    }

    /** Durable keys made by several sessions at once, one thread each, on one cluster (group commit). */
    private static void sessionsLoop(long seconds, int sessions) {
        Path dataDir = BenchDirs.newDataDir("profile");
        java.util.concurrent.atomic.AtomicLong keys = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        long start;
        try (HsmCluster cluster = BenchClusters.create(dataDir, 50_000_000)) {
            start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < sessions; t++) {
                String label = "profile-" + t;
                threads.add(new Thread(() -> {
                    HsmSession s = BenchClusters.login(cluster, "example_user");
                    GenSymKeyRequest request = GenSymKeyRequest.of(31, 32, label);
                    long cpuStart = threads().getCurrentThreadCpuTime();
                    while (System.nanoTime() < end) {
                        BenchChecks.handleOf(s.generateSymmetricKey(request));
                        keys.incrementAndGet();
                    }
                    cpu.addAndGet(threads().getCurrentThreadCpuTime() - cpuStart);
                    s.close();
                }, label));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            TestFiles.deleteTree(dataDir);
        }
        report("durable, " + sessions + " sessions", "keys", keys.get(), start, cpu.get(), "CPU of all sessions' threads");
    }

    private static void listLoop(long seconds, Path dataDir) {
        long lists = 0;
        long cpu;
        long start;
        try (HsmCluster cluster = BenchClusters.open(dataDir)) {
            HsmSession s = BenchClusters.login(cluster, "example_user");
            long keys = cluster.info().tokenKeyCount();
            start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long cpuStart = threads().getCurrentThreadCpuTime();
            while (System.nanoTime() < end) {
                int found = s.findKeys(KeyQuery.all()).value().size();
                if (found != keys) {
                    throw new IllegalStateException("findKey listed " + found + " keys, not " + keys);
                }
                lists++;
            }
            cpu = threads().getCurrentThreadCpuTime() - cpuStart;
            s.close();
        }
        report("list", "listings", lists, start, cpu, "");
    }

    private static ThreadMXBean threads() {
        return ManagementFactory.getThreadMXBean();
    }

    private static void report(String workload, String what, long count, long startNanos, long cpuNanos, String note) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s: %,d %s in %.1f s = %,.1f/s; %.1f µs CPU each%s%n", workload, count, what, seconds,
                count / seconds, cpuNanos / 1e3 / count, note.isEmpty() ? "" : " (" + note + ")");
    }
}
