package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.store.TestFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the clusters the find benchmarks search (the core bench: 16,666 and 100,000 keys spread
 * over the four crypto users) once per run. Keys are made through the simulator's API; to make that
 * quick the cluster is filled in a RAM file system when there is one (each commit's fsync is then
 * free), and each closed cluster is copied to the benchmark disk, where it is measured and searched.
 */
final class PopulatedClusters {
    static final List<Integer> SIZES = List.of(16_666, 100_000);
    private static final Path RAM_DIR = Path.of("/dev/shm");

    private final Map<Integer, Path> dataDirs = new LinkedHashMap<>();
    private final Map<Integer, Long> storeBytes = new LinkedHashMap<>();
    private long emptyStoreBytes;

    static PopulatedClusters build() {
        return build(SIZES, List.of(BenchClusters.CRYPTO_USERS));
    }

    /** Clusters holding each of {@code sizes} keys (ascending), owned in turn by {@code owners}. */
    static PopulatedClusters build(List<Integer> sizes, List<String> owners) {
        PopulatedClusters built = new PopulatedClusters();
        Path fillDir = fillRoot();
        try {
            built.emptyStoreBytes = emptyStoreBytes(fillDir.resolve("empty"));
            Path working = fillDir.resolve("fill");
            HsmCluster cluster = BenchClusters.create(working, BenchDirs.DEFAULT_CAPACITY);
            int done = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                Populator.generate(cluster, owners, done, size);
                cluster.close();
                System.out.printf("populated %,d keys through the API in %.1f s (in %s)%n", size,
                        (System.nanoTime() - start) / 1e9, fillDir);
                Path onDisk = BenchDirs.newDataDir("find-" + size);
                TestFiles.copyTree(BenchClusters.clusterDir(working), BenchClusters.clusterDir(onDisk));
                built.dataDirs.put(size, onDisk);
                built.storeBytes.put(size, BenchClusters.sizeOf(BenchClusters.clusterDir(onDisk)));
                done = size;
                cluster = BenchClusters.open(working);
            }
            cluster.close();
        } finally {
            TestFiles.deleteTree(fillDir);
        }
        return built;
    }

    /** A RAM file system's temporary folder when there is one, else one on the benchmark disk. */
    static Path fillRoot() {
        try {
            if (Files.isDirectory(RAM_DIR) && Files.isWritable(RAM_DIR)) {
                return Files.createTempDirectory(RAM_DIR, "hsm-bench-fill-");
            }
        } catch (IOException e) {
            // Fall back to the benchmark disk: slower to fill, same result.
        }
        return BenchDirs.newDataDir("fill");
    }

    private static long emptyStoreBytes(Path dataDir) {
        BenchClusters.create(dataDir, BenchDirs.DEFAULT_CAPACITY).close();
        return BenchClusters.sizeOf(BenchClusters.clusterDir(dataDir));
    }

    Map<Integer, Path> dataDirs() {
        return dataDirs;
    }

    /** Bytes on disk per key: the store's growth over an empty cluster, divided by the key count. */
    double bytesPerKey(int size) {
        return (storeBytes.get(size) - emptyStoreBytes) / (double) size;
    }

    long storeBytes(int size) {
        return storeBytes.get(size);
    }

    void delete() {
        dataDirs.values().forEach(TestFiles::deleteTree);
    }
}
