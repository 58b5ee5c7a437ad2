package io.hsmconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where benchmark data goes. {@code -Dbench.dir=...} picks the disk to measure (default: the
 * system's temporary folder); the runner passes the same value to every JMH fork.
 */
final class BenchDirs {
    static final String DIR_PROPERTY = "bench.dir";
    /** The property naming the data directory of a pre-populated cluster with N keys. */
    static final String POPULATED_PROPERTY_PREFIX = "bench.populated.";
    static final int DEFAULT_CAPACITY = 200_000;

    private BenchDirs() {
    }

    static Path root() {
        String configured = System.getProperty(DIR_PROPERTY);
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.io.tmpdir"));
    }

    static Path newDataDir(String purpose) {
        try {
            Files.createDirectories(root());
            return Files.createTempDirectory(root(), "hsm-bench-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path populated(int keys) {
        String dir = System.getProperty(POPULATED_PROPERTY_PREFIX + keys);
        if (dir == null) {
            throw new IllegalStateException("no populated cluster with " + keys + " keys: run the benchmarks through"
                    + " bench/run-core.sh (CoreBench builds them and passes -D" + POPULATED_PROPERTY_PREFIX + keys + ")");
        }
        return Path.of(dir);
    }
}
