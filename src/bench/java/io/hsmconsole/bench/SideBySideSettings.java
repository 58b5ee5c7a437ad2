package io.hsmconsole.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Options of the side-by-side run (bench/side-by-side.sh passes the peer's paths):
 * {@code --quick} (1,000 and 10,000 keys, short iterations, a few minutes) or the full run (10,000 and
 * 100,000 keys), {@code --only GROUP,...} (fsync, durable, session, cli, find, list), {@code --jfr},
 * {@code --dir PATH} (the disk to measure), {@code --fresh-peer} (populate SoftHSM2 again instead of
 * reusing bench/out/peer-cache), {@code --calls N} (CLI keygen calls per tool), and
 * {@code --p11bench PATH --module PATH --peer-name TEXT}.
 */
record SideBySideSettings(boolean quick, BenchSettings jmh, List<Integer> sizes, int cliCalls, int listCalls,
                          int findSamples, Path p11bench, Path module, String peerName, boolean freshPeer,
                          Set<String> only) {
    static final Set<String> GROUPS = Set.of("fsync", "durable", "session", "cli", "find", "list");

    static SideBySideSettings parse(String[] args) {
        boolean quick = false;
        boolean jfr = false;
        boolean fresh = false;
        String dir = null;
        Path p11bench = null;
        Path module = null;
        String peerName = "SoftHSM2";
        Set<String> only = GROUPS;
        Integer calls = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--full" -> quick = false;
                case "--jfr" -> jfr = true;
                case "--fresh-peer" -> fresh = true;
                case "--dir" -> dir = value(args, ++i, "--dir /mnt/ssd/tmp");
                case "--p11bench" -> p11bench = Path.of(value(args, ++i, "--p11bench target/bench-peer/p11bench"));
                case "--module" -> module = Path.of(value(args, ++i, "--module /usr/lib/softhsm/libsofthsm2.so"));
                case "--peer-name" -> peerName = value(args, ++i, "--peer-name 'SoftHSM2 2.6.1'");
                case "--only" -> only = groups(value(args, ++i, "--only durable,session"));
                case "--calls" -> calls = Integer.parseInt(value(args, ++i, "--calls 30"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; use --quick, --full,"
                        + " --only GROUP,..., --calls N, --jfr, --dir PATH, --fresh-peer, --p11bench PATH, --module PATH, --peer-name TEXT");
            }
        }
        if (p11bench == null || module == null) {
            throw new IllegalArgumentException("--p11bench and --module are required: run bench/side-by-side.sh");
        }
        BenchSettings jmh = quick ? new BenchSettings(1, 3, 1, jfr, BenchSettings.ALL, dir)
                : new BenchSettings(2, 5, 2, jfr, BenchSettings.ALL, dir);
        int cliCalls = calls != null ? calls : quick ? 7 : 21;
        return quick
                ? new SideBySideSettings(true, jmh, List.of(1_000, 10_000), cliCalls, 3, 7, p11bench, module, peerName, fresh, only)
                : new SideBySideSettings(false, jmh, List.of(10_000, 100_000), cliCalls, 5, 15, p11bench, module, peerName, fresh,
                only);
    }

    boolean runs(String group) {
        return only.contains(group);
    }

    private static Set<String> groups(String list) {
        Set<String> chosen = Set.of(list.split(","));
        for (String g : chosen) {
            if (!GROUPS.contains(g)) {
                throw new IllegalArgumentException("unknown group '" + g + "'; the groups are " + String.join(", ", GROUPS.stream().sorted().toList()));
            }
        }
        return chosen;
    }

    private static String value(String[] args, int index, String example) {
        if (index >= args.length) {
            throw new IllegalArgumentException("a value is missing, e.g. " + example);
        }
        return args[index];
    }
}
