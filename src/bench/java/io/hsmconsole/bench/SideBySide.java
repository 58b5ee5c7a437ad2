package io.hsmconsole.bench;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.store.TestFiles;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hsmconsole.bench.Comparison.Figure;
import io.hsmconsole.bench.Comparison.Verdict;

/**
 * Issue 8's side-by-side benchmark: our simulator and SoftHSM2 (with OpenSC's pkcs11-tool) measured in
 * the same run on the same disk, each measure ours then the peer's right after, so that both see the
 * same machine load. Prints one table of medians with the ratios and the goals, and writes it to
 * {@code bench/out/side-by-side.md}. Run it with {@code bench/side-by-side.sh}, which installs the
 * peer and compiles its in-process driver ({@code bench/peer/p11bench.c}).
 */
public final class SideBySide {
    private static final Path OUT = Path.of("bench", "out");
    private static final int GOAL_SIZE = 100_000;

    private final SideBySideSettings settings;
    private final Path root;
    private final SoftHsmPeer peer;
    private final OurCli cli = new OurCli(Path.of("").toAbsolutePath());
    private final OurCloudHsmCli cloudHsmCli = new OurCloudHsmCli(Path.of("").toAbsolutePath());
    private final List<Comparison> rows = new ArrayList<>();
    private Double syncRate;

    private SideBySide(SideBySideSettings settings, Path root) {
        this.settings = settings;
        this.root = root;
        this.peer = new SoftHsmPeer(settings.p11bench(), settings.module());
    }

    public static void main(String[] args) throws RunnerException, IOException {
        SideBySideSettings settings = SideBySideSettings.parse(args);
        if (settings.jmh().dir() != null) {
            System.setProperty(BenchDirs.DIR_PROPERTY, settings.jmh().dir());
        }
        Path root = BenchDirs.root();
        MachineInfo machine = MachineInfo.collect(root);
        Files.createDirectories(OUT);
        double loadAtStart = MachineInfo.loadAverage();
        System.out.println("machine: " + machine.describe());
        SideBySide run = new SideBySide(settings, root);
        run.measure();
        String load = String.format(Locale.ROOT, "load average (1 min) %.2f at start, %.2f at end; %s run",
                loadAtStart, MachineInfo.loadAverage(), settings.quick() ? "quick" : "full");
        StringBuilder table = new StringBuilder("Machine: " + machine.describe() + "\nLoad: " + load + "\n\n"
                + Comparison.header(settings.peerName()) + "\n");
        run.rows.forEach(r -> table.append(r.render()).append('\n'));
        System.out.println();
        System.out.println(table);
        Files.writeString(OUT.resolve("side-by-side.md"), table);
        System.out.println("(also in " + OUT.resolve("side-by-side.md") + ")");
    }

    private void measure() throws RunnerException {
        if (settings.runs("fsync") || settings.runs("durable")) {
            double load = MachineInfo.loadAverage();
            syncRate = Samples.median(peer.fsyncRate(root, settings.jmh().measurementIterations(),
                    settings.jmh().iterationSeconds()));
            rows.add(new Comparison("sync rate of the benchmark disk (4 KiB write + fsync, C loop)",
                    Figure.rate(syncRate, "syncs/s"), null, "context", Verdict.NONE, load));
        }
        if (settings.runs("durable")) {
            keygen(true);
        }
        if (settings.runs("session")) {
            keygen(false);
        }
        if (settings.runs("cli")) {
            cliKeygen();
        }
        if (settings.runs("find") || settings.runs("list")) {
            populatedMeasures();
        }
    }

    private void keygen(boolean durable) throws RunnerException {
        double load = MachineInfo.loadAverage();
        double ours = median(jmh(durable ? DurableKeygenBenchmark.class : SessionKeygenBenchmark.class, Map.of(), null));
        progress("peer: C_GenerateKey of " + (durable ? "token" : "session") + " keys (p11bench)");
        Path home = BenchDirs.newDataDir("peer-keygen");
        double theirs;
        try {
            theirs = Samples.median(peer.keygen(peer.newToken(home), durable, 1, settings.jmh().measurementIterations(),
                    settings.jmh().iterationSeconds()));
        } finally {
            TestFiles.deleteTree(home);
        }
        Figure o = Figure.rate(ours, "keys/s");
        Figure p = Figure.rate(theirs, "keys/s");
        if (durable) {
            boolean syncMet = syncRate == null || ours >= 0.8 * syncRate;
            String goal = "≥ 10× peer" + (syncRate == null ? "" : String.format(Locale.ROOT,
                    " and ≥ %,.0f keys/s (80%% of the sync rate)", 0.8 * syncRate));
            rows.add(new Comparison("durable token keygen, AES-256, one session", o, p, goal,
                    Comparison.verdict(ours / theirs >= 10 && syncMet), load));
            durableSessions(goal);
        } else {
            rows.add(new Comparison("session keygen, AES-256, one session", o, p, "≥ 50,000 keys/s",
                    Comparison.verdict(ours >= 50_000), load));
        }
    }

    /**
     * Four sessions of one process at once, one thread each, on both sides: ours on one cluster
     * (their commits may be grouped), the peer's on one token.
     */
    private void durableSessions(String goal) throws RunnerException {
        int sessions = DurableKeygenFourSessionsBenchmark.SESSIONS;
        double load = MachineInfo.loadAverage();
        double ours = median(jmh(DurableKeygenFourSessionsBenchmark.class, Map.of(), null));
        progress("peer: C_GenerateKey of token keys, " + sessions + " sessions (p11bench)");
        Path home = BenchDirs.newDataDir("peer-keygen4");
        double theirs;
        try {
            theirs = Samples.median(peer.keygen(peer.newToken(home), true, sessions, settings.jmh().measurementIterations(),
                    settings.jmh().iterationSeconds()));
        } finally {
            TestFiles.deleteTree(home);
        }
        boolean syncMet = syncRate == null || ours >= 0.8 * syncRate;
        rows.add(new Comparison("durable token keygen, AES-256, " + sessions + " sessions", Figure.rate(ours, "keys/s"),
                Figure.rate(theirs, "keys/s"), goal, Comparison.verdict(ours / theirs >= 10 && syncMet), load));
    }

    private void cliKeygen() {
        double load = MachineInfo.loadAverage();
        Path ourData = BenchDirs.newDataDir("cli");
        Path servedData = BenchDirs.newDataDir("cli-service");
        Path peerHome = BenchDirs.newDataDir("peer-cli");
        try {
            progress("ours: bin/key_mgmt_util singlecmd … genSymKey, " + settings.cliCalls() + " calls");
            double ours = Samples.median(cli.keygen(ourData, settings.cliCalls()));
            double serviceLoad = MachineInfo.loadAverage();
            progress("ours through the client daemon (bin/cloudhsm_client start), " + settings.cliCalls() + " calls");
            double served = Samples.median(cli.keygenThroughService(servedData, settings.cliCalls()));
            progress("peer: pkcs11-tool --keygen, " + settings.cliCalls() + " calls");
            double theirs = Samples.median(peer.cliKeygen(peer.newToken(peerHome), settings.cliCalls()));
            rows.add(new Comparison("CLI keygen, wall time per call (key_mgmt_util singlecmd loginHSM … genSymKey"
                    + " vs pkcs11-tool --login --keygen --key-type AES:32)", Figure.millis(ours), Figure.millis(theirs),
                    "≤ 3× pkcs11-tool", Comparison.verdict(ours <= 3 * theirs), load));
            rows.add(new Comparison("CLI keygen per call, through the client daemon (bin/cloudhsm_client start, then"
                    + " the same key_mgmt_util calls)", Figure.millis(served), Figure.millis(theirs),
                    "≤ 3× pkcs11-tool", Comparison.verdict(served <= 3 * theirs), serviceLoad));
            cloudHsmCliRows(theirs);
        } finally {
            TestFiles.deleteTree(ourData);
            TestFiles.deleteTree(servedData);
            TestFiles.deleteTree(peerHome);
        }
    }

    /** Issue 17: cloudhsm-cli key generate-symmetric aes per call, a JVM each and through the daemon, beside the same peer figure. */
    private void cloudHsmCliRows(double theirs) {
        Path cold = BenchDirs.newDataDir("cloudhsm-cli");
        Path servedData = BenchDirs.newDataDir("cloudhsm-cli-service");
        try {
            double load = MachineInfo.loadAverage();
            progress("ours: bin/cloudhsm-cli key generate-symmetric aes, a JVM per call, " + settings.cliCalls() + " calls");
            double jvm = Samples.median(cloudHsmCli.keygen(cold, settings.cliCalls()));
            double serviceLoad = MachineInfo.loadAverage();
            progress("ours: the same through the client daemon, " + settings.cliCalls() + " calls");
            double served = Samples.median(cloudHsmCli.keygenThroughService(servedData, settings.cliCalls()));
            rows.add(new Comparison("cloudhsm-cli keygen per call, a JVM each (key generate-symmetric aes --key-length-bytes 32"
                    + " vs pkcs11-tool --keygen)", Figure.millis(jvm), Figure.millis(theirs), "≤ 2× pkcs11-tool",
                    Comparison.verdict(jvm <= 2 * theirs), load));
            rows.add(new Comparison("cloudhsm-cli keygen per call, through the client daemon (demo cluster, 50/150/250 ms,"
                    + " key availability check on)", Figure.millis(served),
                    Figure.millis(theirs), "≤ 2× pkcs11-tool", Comparison.verdict(served <= 2 * theirs), serviceLoad));
            cloudHsmCliDaemonRow(theirs, "demo cluster, key availability check off: cloudhsm_client start"
                    + " --disable-key-availability-check", null, "--disable-key-availability-check");
            cloudHsmCliDaemonRow(theirs, "intra-region cluster, 5/10/15 ms, key availability check on", NEAR_LATENCIES);
        } finally {
            TestFiles.deleteTree(cold);
            TestFiles.deleteTree(servedData);
        }
    }

    /**
     * Replication latencies of a cluster whose HSMs are in one region's Availability Zones (an assumption,
     * as in bench/pkcs11-side-by-side.sh: AWS publishes no key synchronization time; its zones are
     * single-digit milliseconds apart).
     */
    private static final List<Long> NEAR_LATENCIES = List.of(5L, 10L, 15L);

    /** One more cloudhsm-cli row through the daemon: on a demo cluster of {@code latencies} (null: the demo's), daemon options {@code start}. */
    private void cloudHsmCliDaemonRow(double theirs, String what, List<Long> latencies, String... start) {
        Path data = BenchDirs.newDataDir("cloudhsm-cli-daemon");
        try {
            if (latencies != null) {
                BenchClusters.catalog(data).createDemo(ClusterCatalog.DEMO_CLUSTER,
                        new ClusterOptions(ClusterOptions.demo().hsmType(), latencies, null)).close();
            }
            double load = MachineInfo.loadAverage();
            progress("ours: cloudhsm-cli through the client daemon, " + what + ", " + settings.cliCalls() + " calls");
            double served = Samples.median(cloudHsmCli.keygenThroughService(data, settings.cliCalls(), start));
            rows.add(new Comparison("cloudhsm-cli keygen per call, through the client daemon (" + what + ")",
                    Figure.millis(served), Figure.millis(theirs), "≤ 2× pkcs11-tool", Comparison.verdict(served <= 2 * theirs),
                    load));
        } finally {
            TestFiles.deleteTree(data);
        }
    }

    private void populatedMeasures() throws RunnerException {
        PopulatedClusters ours = PopulatedClusters.build(settings.sizes(), List.of("example_user"));
        Map<Integer, SoftHsmPeer.Token> theirs = null;
        try {
            theirs = PopulatedPeer.build(peer, settings.sizes(), settings.freshPeer());
            for (int size : settings.sizes()) {
                SoftHsmPeer.Token token = theirs.get(size);
                if (settings.runs("find")) {
                    double load = MachineInfo.loadAverage();
                    double o = median(jmh(FindByLabelBenchmark.class, ours.dataDirs(), size));
                    progress("peer: find by label (p11bench), " + settings.findSamples() + " samples");
                    double p = Samples.median(peer.findByLabel(token, size, settings.findSamples()));
                    rows.add(at(size, "find by label, in process", o, p, "< 5 ms", o < 5, load));
                }
                if (settings.runs("list")) {
                    double load = MachineInfo.loadAverage();
                    double o = median(jmh(ListAllBenchmark.class, ours.dataDirs(), size));
                    progress("peer: C_FindObjects with no template (p11bench), " + settings.listCalls() + " runs");
                    double p = Samples.median(peer.listAll(token, size, settings.listCalls()));
                    rows.add(at(size, "list all keys' handles, in process (findKey / C_FindObjects)", o, p, null, true, load));
                    load = MachineInfo.loadAverage();
                    progress("ours: bin/key_mgmt_util singlecmd … findKey, " + settings.listCalls() + " calls");
                    o = Samples.median(cli.listAll(ours.dataDirs().get(size), size, settings.listCalls()));
                    // pkcs11-tool takes minutes per listing of 100,000 keys (it reads each key's attributes).
                    int peerCalls = size >= GOAL_SIZE ? Math.min(3, settings.listCalls()) : settings.listCalls();
                    progress("peer: pkcs11-tool --list-objects, " + peerCalls + " calls");
                    p = Samples.median(peer.cliListAll(token, size, peerCalls));
                    rows.add(at(size, "list all, CLI per call (key_mgmt_util singlecmd … findKey vs pkcs11-tool"
                            + " --list-objects)", o, p, "< 500 ms", o < 500, load));
                }
            }
        } finally {
            ours.delete();
            if (theirs != null) {
                PopulatedPeer.delete(theirs);
            }
        }
    }

    /** A time row at one store size; the goal applies at 100,000 keys only. */
    private Comparison at(int size, String what, double ours, double theirs, String goal, boolean met, double load) {
        String measure = String.format(Locale.ROOT, "%s, %,d keys", what, size);
        Figure o = Figure.millis(ours);
        Figure p = Figure.millis(theirs);
        if (goal == null) {
            return new Comparison(measure, o, p, "-", Verdict.NONE, load);
        }
        if (size == GOAL_SIZE) {
            return new Comparison(measure, o, p, goal, Comparison.verdict(met), load);
        }
        boolean largest = size == settings.sizes().get(settings.sizes().size() - 1);
        return largest ? new Comparison(measure, o, p, goal + " at 100,000 keys", Verdict.NOT_AT_THIS_SIZE, load)
                : new Comparison(measure, o, p, "-", Verdict.NONE, load);
    }

    private RunResult jmh(Class<?> benchmark, Map<Integer, Path> populated, Integer keys) throws RunnerException {
        progress(String.format(Locale.ROOT, "ours: %s%s (JMH, %d × %d s after %d warm-up iterations)",
                benchmark.getSimpleName(), keys == null ? "" : String.format(Locale.ROOT, ", %,d keys", keys),
                settings.jmh().measurementIterations(), settings.jmh().iterationSeconds(), settings.jmh().warmupIterations()));
        ChainedOptionsBuilder options = JmhOptions.base(settings.jmh(), root, populated, OUT.resolve("jfr"))
                .include(benchmark.getName() + "\\.")
                .verbosity(VerboseMode.SILENT);
        if (keys != null) {
            options.param("keys", String.valueOf(keys));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException(benchmark.getSimpleName() + " gave " + results.size() + " results, not 1");
        }
        return results.iterator().next();
    }

    private static void progress(String what) {
        System.out.printf(Locale.ROOT, "[load %.1f] %s%n", MachineInfo.loadAverage(), what);
    }

    /** The median iteration (throughput) or the median call (sample time) of a JMH run. */
    private static double median(RunResult result) {
        return result.getPrimaryResult().getStatistics().getPercentile(50);
    }
}
