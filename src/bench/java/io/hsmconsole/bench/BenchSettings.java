package io.hsmconsole.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The runner's options: {@code --full} (default) or {@code --quick} iteration lengths,
 * {@code --jfr} to record a Java Flight Recorder profile of every benchmark fork, and
 * {@code --only REGEX} to run a subset of the benchmarks, {@code --dir PATH} to measure another disk
 * than the temporary folder's.
 */
record BenchSettings(int warmupIterations, int measurementIterations, int iterationSeconds, boolean jfr,
                     String include, String dir) {

    static final String ALL = "io\\.hsmconsole\\.bench\\..*Benchmark.*";

    static BenchSettings parse(String[] rawArgs) {
        List<String> args = new ArrayList<>();
        for (String raw : rawArgs) {
            // Maven hands -Dbench.args="--quick --jfr" over as one argument.
            for (String part : raw.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    args.add(part);
                }
            }
        }
        int warmup = 3;
        int measure = 5;
        int seconds = 2;
        boolean jfr = false;
        String include = ALL;
        String dir = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--full" -> {
                    warmup = 3;
                    measure = 5;
                    seconds = 2;
                }
                case "--quick" -> {
                    warmup = 1;
                    measure = 2;
                    seconds = 1;
                }
                case "--jfr" -> jfr = true;
                case "--only" -> include = ".*" + valueOf(args, ++i, "--only Durable") + ".*";
                case "--dir" -> dir = valueOf(args, ++i, "--dir /mnt/ssd/tmp");
                default -> throw new IllegalArgumentException("unknown option '" + args.get(i)
                        + "'; use --full (default), --quick, --jfr, --only REGEX, --dir PATH");
            }
        }
        return new BenchSettings(warmup, measure, seconds, jfr, include, dir);
    }

    private static String valueOf(List<String> args, int index, String example) {
        if (index >= args.size()) {
            throw new IllegalArgumentException("a value is missing, e.g. " + example);
        }
        return args.get(index);
    }
}
