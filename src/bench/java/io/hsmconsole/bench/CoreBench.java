package io.hsmconsole.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * The simulator core's benchmark (issue 2): builds the populated clusters, runs the JMH benchmarks
 * in forked JVMs, and prints one table of the figures against their targets. Run it with
 * {@code bench/run-core.sh}; results also go to {@code bench/out/}.
 */
public final class CoreBench {
    private static final Path OUT = Path.of("bench", "out");

    private CoreBench() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        BenchSettings settings = BenchSettings.parse(args);
        if (settings.dir() != null) {
            System.setProperty(BenchDirs.DIR_PROPERTY, settings.dir());
        }
        Path root = BenchDirs.root();
        MachineInfo machine = MachineInfo.collect(root);
        Files.createDirectories(OUT);
        double loadAtStart = MachineInfo.loadAverage();
        System.out.println("machine: " + machine.describe());
        PopulatedClusters populated = needsPopulatedClusters(settings) ? PopulatedClusters.build() : null;
        try {
            Collection<RunResult> results = new Runner(options(settings, root, populated).build()).run();
            String load = String.format(java.util.Locale.ROOT, "load average (1 min) %.2f at start, %.2f at end",
                    loadAtStart, MachineInfo.loadAverage());
            String table = ResultTable.render(machine, load, results, populated);
            System.out.println();
            System.out.println(table);
            Files.writeString(OUT.resolve("core-results.md"), table);
            System.out.println("(also in " + OUT.resolve("core-results.md") + " and " + OUT.resolve("core-jmh.json") + ")");
        } finally {
            if (populated != null) {
                populated.delete();
            }
        }
    }

    private static boolean needsPopulatedClusters(BenchSettings settings) {
        return "FindByLabelBenchmark.findByLabel".matches(settings.include().replace("io\\.hsmconsole\\.bench\\.", ""));
    }

    private static ChainedOptionsBuilder options(BenchSettings settings, Path root, PopulatedClusters populated) {
        // ListAllBenchmark needs clusters where one user can use every key: bench/side-by-side.sh runs it.
        return JmhOptions.base(settings, root, populated == null ? Map.of() : populated.dataDirs(), OUT.resolve("jfr"))
                .include(settings.include())
                .exclude(ListAllBenchmark.class.getName())
                .resultFormat(ResultFormatType.JSON)
                .result(OUT.resolve("core-jmh.json").toString());
    }
}
