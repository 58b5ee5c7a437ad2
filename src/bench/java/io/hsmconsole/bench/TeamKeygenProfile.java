package io.hsmconsole.bench;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What one durable token keygen costs on PostgreSQL (bench/team.sh --profile): {@code --keys} AES-256
 * keys made by {@code --sessions} sessions, then the server's own count of what it ran for them
 * ({@code pg_stat_statements}, which the server must preload) and of the transactions it committed
 * ({@code pg_stat_database}), per key: statements, commits, and each statement's share.
 */
public final class TeamKeygenProfile {
    private TeamKeygenProfile() {
    }

    public static void main(String[] args) throws Exception {
        PostgresUrl url = PostgresUrl.parse(TeamBench.arg(args, "--url", null));
        Path dir = Path.of(TeamBench.arg(args, "--dir", null));
        int keys = Integer.parseInt(TeamBench.arg(args, "--keys", "2000"));
        int sessions = Integer.parseInt(TeamBench.arg(args, "--sessions", "1"));
        Files.createDirectories(dir);
        ClusterOptions options = ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0).withKeyCapacity(1_000_000);
        String name = "prof" + sessions + "_" + System.nanoTime() % 100_000;
        try (HsmCluster cluster = new ClusterCatalog(new PostgresBackend(url), new DataDirectory(dir), HsmClock.SYSTEM)
                .createDemo(name, options);
             Connection admin = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            String tweak = TeamBench.arg(args, "--tweak", "");
            if (!tweak.isEmpty()) { // a trial: SQL run in the cluster's schema before the keys are made
                try (Statement s = admin.createStatement()) {
                    s.execute("SET search_path TO \"hsm_" + name + "\"; " + tweak + "; RESET search_path");
                }
            }
            List<HsmSession> logins = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                logins.add(BenchClusters.login(cluster, BenchClusters.CRYPTO_USERS[i]));
            }
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            // warm-up: classes loaded and compiled, statements planned, the pool full
            make(pool, logins, Integer.parseInt(TeamBench.arg(args, "--warm-up", "3000")));
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
            long commitsBefore = commits(admin);
            String walBefore = wal(admin);
            ServerCpu.Sample cpuBefore = ServerCpu.sample(admin);
            var threadsBefore = ServerCpu.threads();
            long start = System.nanoTime();
            make(pool, logins, keys);
            double seconds = (System.nanoTime() - start) / 1e9;
            ServerCpu.Sample cpu = ServerCpu.sample(admin).minus(cpuBefore);
            String walAfter = wal(admin);
            ServerCpu.threads().forEach((thread, ms) -> {
                double[] was = threadsBefore.getOrDefault(thread, new double[2]);
                double user = (ms[0] - was[0]) * 1000 / keys;
                double system = (ms[1] - was[1]) * 1000 / keys;
                if (user + system >= 5) {
                    System.out.printf("client thread %s\tuser %.1f us, system %.1f us per key%n", thread, user, system);
                }
            });
            long commits = commits(admin) - commitsBefore - 1; // the count's own query commits too
            pool.shutdown();
            logins.forEach(HsmSession::close);
            System.out.printf("keys\t%d%nsessions\t%d%nkeys/s\t%.1f%ncommits per key\t%.2f%n", keys, sessions,
                    keys / seconds, commits / (double) keys);
            System.out.printf("WAL bytes per key\t%.0f%nWAL range\t%s %s%n", walBytes(admin, walBefore, walAfter) / keys,
                    walBefore, walAfter);
            System.out.printf("server CPU per key\t%.1f us%nclient CPU per key\t%.1f us%nload\t%s%n",
                    cpu.serverMs() * 1000 / keys, cpu.clientMs() * 1000 / keys,
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
            report(admin, keys);
        }
    }

    private static void make(ExecutorService pool, List<HsmSession> logins, int keys) throws Exception {
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < logins.size(); t++) {
            int part = t;
            parts.add(pool.submit(() -> {
                for (int n = part; n < keys; n += logins.size()) {
                    BenchChecks.handleOf(logins.get(part).generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k")));
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
    }

    /** The server's WAL insert position: what a run wrote to the WAL is the difference of two. */
    private static String wal(Connection admin) throws Exception {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double walBytes(Connection admin, String from, String to) throws Exception {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_wal_lsn_diff('" + to + "', '" + from + "')")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static long commits(Connection admin) throws Exception {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every statement the server ran since the reset, by calls per key, with its total time (savepoints together). */
    private static void report(Connection admin, int keys) throws Exception {
        java.util.Map<String, double[]> byStatement = new java.util.LinkedHashMap<>();
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, query FROM pg_stat_statements WHERE dbid ="
                     + " (SELECT oid FROM pg_database WHERE datname = current_database())"
                     + " AND query NOT LIKE '%pg_stat%' ORDER BY calls DESC")) {
            while (rs.next()) {
                String query = rs.getString(3).replaceAll("\\s+", " ").replaceAll("JDBC_SAVEPOINT_[0-9]+", "JDBC_SAVEPOINT_n");
                double[] sum = byStatement.computeIfAbsent(query, q -> new double[2]);
                sum[0] += rs.getLong(1);
                sum[1] += rs.getDouble(2);
            }
        }
        double total = 0;
        for (var e : byStatement.entrySet()) {
            double perKey = e.getValue()[0] / keys;
            total += perKey;
            String query = e.getKey();
            System.out.printf("%6.2f per key %8.1f ms  %s%n", perKey, e.getValue()[1],
                    query.length() > 150 ? query.substring(0, 150) + "…" : query);
        }
        System.out.printf("statements per key\t%.2f%n", total);
    }
}
