package io.hsmconsole.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The figures of one run as a Markdown table, with issue 2's targets and whether they were met. */
final class ResultTable {
    private static final String HEADER = "| measurement | result | target (issue 2) | verdict |\n|---|---|---|---|\n";

    private ResultTable() {
    }

    static String render(MachineInfo machine, String load, Collection<RunResult> results, PopulatedClusters populated) {
        List<String> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(row(r));
        }
        if (populated != null) {
            for (int size : PopulatedClusters.SIZES) {
                rows.add(String.format(Locale.ROOT, "| store size per key, %,d keys | %,.0f bytes/key (store %,.1f MiB) | - | context |",
                        size, populated.bytesPerKey(size), populated.storeBytes(size) / 1048576.0));
            }
        }
        return "Machine: " + machine.describe() + "\n" + "Load: " + load + "\n\n" + HEADER + String.join("\n", rows) + "\n";
    }

    private static String row(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        Result<?> primary = r.getPrimaryResult();
        Statistics s = primary.getStatistics();
        return switch (method) {
            case "FsyncBenchmark.writeAndFsync" -> String.format(Locale.ROOT,
                    "| fsync rate of this disk (4 KiB write + fsync) | %s /s | - | context |", scoreWithError(primary));
            case "DurableKeygenBenchmark.generateTokenKey" -> throughput("durable token key generation (WAL, synchronous=FULL)",
                    primary, 450);
            case "SessionKeygenBenchmark.generateSessionKey" -> throughput("session key generation", primary, 50_000);
            case "FindByLabelBenchmark.findByLabel" -> {
                String keys = r.getParams().getParam("keys");
                double mean = primary.getScore();
                double p99 = s.getPercentile(99);
                yield String.format(Locale.ROOT, "| find by label, %,d keys (mean; p99) | %.3f ms; %.3f ms | < 5 ms at 100,000 keys | %s |",
                        Integer.parseInt(keys), mean, p99, mean < 5 ? "met" : "MISSED");
            }
            default -> String.format(Locale.ROOT, "| %s | %.3f %s | - | - |", method, primary.getScore(), primary.getScoreUnit());
        };
    }

    private static String throughput(String what, Result<?> primary, int target) {
        return String.format(Locale.ROOT, "| %s | %s keys/s | ≥ %,d keys/s | %s |", what, scoreWithError(primary),
                target, primary.getScore() >= target ? "met" : "MISSED");
    }

    /** The score with JMH's 99.9% confidence half-width; too few iterations give no error estimate. */
    private static String scoreWithError(Result<?> r) {
        String score = String.format(Locale.ROOT, "%,.0f", r.getScore());
        return Double.isNaN(r.getScoreError()) ? score : score + String.format(Locale.ROOT, " ± %,.0f", r.getScoreError());
    }
}
