package io.hsmconsole.bench;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.TestFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop console's benchmark (issue 4): cold start to the first laid-out frame (fresh data
 * folder, and with 100,000 keys), filter keystroke to updated table with 100,000 keys, and heap/RSS
 * with those keys listed. Every figure comes from a fresh JVM running the real console
 * ({@code ConsoleLauncher}); it needs a display (bench/run-gui.sh starts Xvfb when there is none).
 * <pre>
 * bench/run-gui.sh [--keys N] [--runs R] [--data DIR | --keep]
 * </pre>
 */
public final class GuiBench {
    private static final Pattern FIRST_FRAME = Pattern.compile("startup: first frame laid out (\\d+) ms after JVM start");
    private static final Pattern CLUSTER_SHOWN = Pattern.compile("startup: cluster shown (\\d+) ms after JVM start(.*)");

    private GuiBench() {
    }

    public static void main(String[] given) throws Exception {
        // Maven hands -Dbench.args over as one argument: split it like a shell would.
        String[] args = String.join(" ", given).trim().split("\\s+");
        int keys = intArg(args, "--keys", 100_000);
        int runs = intArg(args, "--runs", 5);
        String reuse = stringArg(args, "--data", null);
        boolean keep = List.of(args).contains("--keep");
        if (System.getenv("DISPLAY") == null) {
            System.err.println("GuiBench needs a display: run bench/run-gui.sh (it starts Xvfb when DISPLAY is unset)");
            System.exit(2);
        }
        System.out.println(MachineInfo.collect(BenchDirs.root()).describe() + "; load average "
                + MachineInfo.loadAverage());
        Path populated = reuse != null ? Path.of(reuse) : populate(keys);
        try {
            List<Long> floor = new ArrayList<>();
            Starts fresh = new Starts();
            Starts full = new Starts();
            for (int i = 0; i < runs; i++) {
                floor.add(startup(List.of(BaselineWindow.Launcher.class.getName()))[0]);
                Path empty = BenchDirs.newDataDir("gui-fresh");
                try {
                    fresh.add(startup(console(empty)));
                } finally {
                    TestFiles.deleteTree(empty);
                }
                full.add(startup(console(populated)));
            }
            System.out.printf("%n| measurement (ms after JVM start unless said) | median | runs |%n|---|---|---|%n");
            row("floor: a one-label JavaFX window, first frame laid out", floor);
            row("console, fresh data folder: first frame laid out (window with menus, status bar)", fresh.firstFrame);
            row("console, fresh data folder: demo cluster created and its overview shown", fresh.clusterShown);
            row(String.format("console, %,d keys: first frame laid out", keys), full.firstFrame);
            row(String.format("console, %,d keys: cluster overview shown", keys), full.clusterShown);
            row(String.format("console, %,d keys: process spawn -> cluster overview shown (wall clock)", keys), full.wall);
            System.out.println("phases of the last start " + lastPhases);
            System.out.println();
            runJava(List.of(GuiFilterProbe.class.getName(), populated.toString(), String.valueOf(keys)), line -> {
                System.out.println(line);
                return false;
            });
        } finally {
            if (reuse == null && !keep) {
                TestFiles.deleteTree(populated);
            } else {
                System.out.println("populated data folder kept: " + populated + " (reuse it with --data)");
            }
        }
    }

    /**
     * A demo cluster whose {@code example_user} sees {@code keys} token keys (mostly AES-256, some
     * 3DES with an ID, every tenth shared with alice), made through the simulator's API. Filled in
     * RAM when /dev/shm exists, then copied to the benchmark disk.
     */
    static Path populate(int keys) throws IOException {
        Path ram = Path.of("/dev/shm");
        Path fill = Files.isWritable(ram) ? Files.createTempDirectory(ram, "hsm-gui-fill-") : BenchDirs.newDataDir("fill");
        long start = System.nanoTime();
        try {
            ClusterCatalog catalog = BenchClusters.catalog(fill);
            try (HsmCluster cluster = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER,
                    ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0).withKeyCapacity(2 * keys));
                 HsmSession me = BenchClusters.login(cluster, "example_user")) {
                for (int n = 0; n < keys; n++) {
                    GenSymKeyRequest request = n % 7 == 0
                            ? GenSymKeyRequest.of(21, 24, "gui-" + n).withId("ID-" + n)
                            : GenSymKeyRequest.of(31, 32, "gui-" + n);
                    if (n % 10 == 0) {
                        request = request.withShareWith(List.of(4));
                    }
                    BenchChecks.handleOf(me.generateSymmetricKey(request));
                }
            }
            Path onDisk = BenchDirs.newDataDir("gui-" + keys);
            TestFiles.copyTree(fill.resolve("clusters"), onDisk.resolve("clusters"));
            System.out.printf("populated %,d keys through the API in %.1f s; data folder %s%n", keys,
                    (System.nanoTime() - start) / 1e9, onDisk);
            return onDisk;
        } finally {
            TestFiles.deleteTree(fill);
        }
    }

    /** The cold starts of one kind: each figure per run. */
    private static final class Starts {
        final List<Long> firstFrame = new ArrayList<>();
        final List<Long> clusterShown = new ArrayList<>();
        final List<Long> wall = new ArrayList<>();

        void add(long[] run) {
            firstFrame.add(run[0]);
            clusterShown.add(run[1]);
            wall.add(run[2]);
        }
    }

    private static List<String> console(Path dataDir) {
        return List.of("-Dhsmconsole.startupProbe=exit", "io.hsmconsole.app.ConsoleLauncher", "--data-dir",
                dataDir.toString());
    }

    /**
     * One cold start: {first frame, cluster shown} in ms after JVM start as the program reports them
     * (the baseline window reports only the first), and the wall-clock ms from spawn to the last report.
     */
    private static long[] startup(List<String> command) throws Exception {
        long spawned = System.nanoTime();
        long[] probe = {-1, -1, -1};
        runJava(command, line -> {
            Matcher first = FIRST_FRAME.matcher(line);
            Matcher shown = CLUSTER_SHOWN.matcher(line);
            if (first.find()) {
                probe[0] = Long.parseLong(first.group(1));
                probe[2] = (System.nanoTime() - spawned) / 1_000_000;
            } else if (shown.find()) {
                probe[1] = Long.parseLong(shown.group(1));
                probe[2] = (System.nanoTime() - spawned) / 1_000_000;
                lastPhases = shown.group(2);
            }
            return false;
        });
        if (probe[0] < 0) {
            throw new IllegalStateException("no first frame reported by " + command);
        }
        return probe;
    }

    private static String lastPhases = "";

    /** Runs a JVM on this class path and hands each output line over (stop reading when it says true). */
    static void runJava(List<String> args, java.util.function.Predicate<String> onLine) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("WARNING: Unsupported JavaFX configuration")) {
                    continue; // class-path launch, as the installed app's classpath route does
                }
                if (onLine.test(line)) {
                    break;
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the console exited with " + p.exitValue() + ": " + command);
        }
    }

    private static void row(String name, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("| %s | %d ms | %s |%n", name, sorted.get(sorted.size() / 2), millis);
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
