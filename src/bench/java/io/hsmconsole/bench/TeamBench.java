package io.hsmconsole.bench;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * bench/team.sh's figures for team mode (issue 18), printed one per line as {@code name<TAB>value}:
 * durable token keygen (AES-256, each key committed before it returns) with 1 and 4 sessions on the
 * PostgreSQL server of {@code --url} and, for comparison, on SQLite in {@code --dir}; then list-all
 * and find-by-label in process on a cluster of {@code --keys} keys on the server (its data folder
 * printed as {@code populated}, for the script's CLI calls through the daemon). Medians of
 * {@code --rounds} rounds of {@code --seconds} each (keygen) or of 21 calls (queries).
 */
public final class TeamBench {
    private TeamBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = arg(args, "--url", null);
        Path dir = Path.of(arg(args, "--dir", null));
        int keys = Integer.parseInt(arg(args, "--keys", "100000"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "5"));
        double seconds = Double.parseDouble(arg(args, "--seconds", "5"));
        PostgresBackend postgres = new PostgresBackend(PostgresUrl.parse(url));
        for (int sessions : new int[] {1, 4}) {
            print("postgresql keygen " + sessions, keygen(postgres, dir.resolve("pg-keygen-" + sessions), sessions,
                    rounds, seconds, "kg" + sessions));
            print("sqlite keygen " + sessions, keygen(new SqliteBackend(), dir.resolve("sqlite-keygen-" + sessions),
                    sessions, rounds, seconds, "bench"));
        }
        if (Boolean.parseBoolean(arg(args, "--keygen-only", "false"))) {
            return;
        }
        Path populated = dir.resolve("populated");
        try (HsmCluster cluster = create(postgres, populated, "bench", keys)) {
            fill(cluster, keys);
            HsmSession s = BenchClusters.login(cluster, "example_user");
            print("postgresql list-all ms", medianMillis(() -> check(s.findKeys(KeyQuery.all()).value().size(), keys)));
            print("postgresql find-by-label ms", medianMillis(() -> check(
                    s.findKeys(KeyQuery.byLabel("bench-" + keys / 2)).value().size(), 1)));
            // The same listing when the keys changed just before (a label written): nothing remembered
            // (store.ListingCache) can serve it, so this is the query's own time.
            long first = s.findKeys(KeyQuery.byLabel("bench-0")).value().get(0);
            print("postgresql list-all after a change ms", medianMillis(() -> check(s.findKeys(KeyQuery.all()).value().size(),
                    keys), () -> s.setAttribute(first, io.hsmconsole.hsm.key.Attribute.LABEL, 0, "bench-0")));
            s.close();
        }
        System.out.println("populated\t" + populated);
    }

    private static HsmCluster create(StoreBackend backend, Path data, String name, int capacity) throws Exception {
        Files.createDirectories(data);
        ClusterOptions options = ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0).withKeyCapacity(Math.max(capacity, 1_000_000));
        return new ClusterCatalog(backend, new DataDirectory(data), HsmClock.SYSTEM).createDemo(name, options);
    }

    /** Keys per second made by {@code sessions} threads, one session each: the median of the rounds. */
    private static double keygen(StoreBackend backend, Path data, int sessions, int rounds, double seconds,
                                 String name) throws Exception {
        List<Double> rates = new ArrayList<>();
        try (HsmCluster cluster = create(backend, data, name, 0)) {
            List<HsmSession> logins = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                logins.add(BenchClusters.login(cluster, BenchClusters.CRYPTO_USERS[i]));
            }
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                AtomicBoolean stop = new AtomicBoolean();
                List<Future<Integer>> made = new ArrayList<>();
                long start = System.nanoTime();
                for (HsmSession session : logins) {
                    made.add(pool.submit(() -> {
                        int n = 0;
                        while (!stop.get()) {
                            BenchChecks.handleOf(session.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k")));
                            n++;
                        }
                        return n;
                    }));
                }
                Thread.sleep((long) (seconds * 1000));
                stop.set(true);
                int total = 0;
                for (Future<Integer> f : made) {
                    total += f.get();
                }
                if (round >= 0) {
                    rates.add(total / ((System.nanoTime() - start) / 1e9));
                }
            }
            pool.shutdown();
            logins.forEach(HsmSession::close);
        }
        return Samples.median(rates);
    }

    /** {@code keys} AES-256 token keys of example_user labelled bench-n, by four sessions of example_user. */
    private static void fill(HsmCluster cluster, int keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int part = t;
            parts.add(pool.submit(() -> {
                try (HsmSession s = BenchClusters.login(cluster, "example_user")) {
                    for (int n = part; n < keys; n += 4) {
                        BenchChecks.handleOf(s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "bench-" + n)));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
    }

    private static double medianMillis(Runnable call) {
        return medianMillis(call, () -> { });
    }

    /** {@code before} runs untimed before each timed call. */
    private static double medianMillis(Runnable call, Runnable before) {
        call.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            before.run();
            long start = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return Samples.median(ms);
    }

    private static void check(int got, int expected) {
        if (got != expected) {
            throw new IllegalStateException("the query found " + got + " keys, not " + expected);
        }
    }

    private static void print(String name, double value) {
        System.out.printf("%s\t%.1f%n", name, value);
    }

    /** The value after {@code name}, else {@code fallback} (null: the option is required). */
    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return fallback;
    }
}
