package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;

import java.nio.file.Path;
import java.util.List;

/**
 * Makes a data folder whose cluster "bench" holds N AES-256 token keys of example_user, for looking
 * at one measure by hand or profiling it, e.g.
 * {@code key_mgmt_util --data-dir DIR --cluster bench singlecmd loginHSM -u CU -s example_user -p example_pwd findKey}.
 * Arguments: the data folder (must not hold a cluster "bench" yet) and N.
 */
public final class PopulateDir {
    private PopulateDir() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PopulateDir DATA_DIR KEYS");
        }
        Path dataDir = Path.of(args[0]);
        int keys = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        try (HsmCluster cluster = BenchClusters.create(dataDir, Math.max(keys, BenchDirs.DEFAULT_CAPACITY))) {
            Populator.generate(cluster, List.of("example_user"), 0, keys);
        }
        System.out.printf("%,d keys of example_user in %s (cluster %s) in %.1f s%n", keys, dataDir, BenchClusters.NAME,
                (System.nanoTime() - start) / 1e9);
    }
}
