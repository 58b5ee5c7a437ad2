package io.hsmconsole.bench;

import io.hsmconsole.store.TestFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SoftHSM2 tokens holding 10,000 and 100,000 AES-256 keys labelled {@code bench-<n>}, for the find and
 * list-all comparisons. They are made through PKCS#11 (C_GenerateKey, as the peer's users would) in a
 * RAM file system when there is one, then copied to the benchmark disk like our clusters.
 *
 * <p>SoftHSM2's file store re-reads its token folder on every object operation, so each key costs more
 * than the one before: 100,000 keys take a quarter of an hour or more. A finished token is therefore
 * kept in {@code bench/out/peer-cache/<keys>/} and reused by later runs ({@code --fresh-peer} makes it
 * again); it is only ever read after that.
 */
final class PopulatedPeer {
    private static final Path CACHE = Path.of("bench", "out", "peer-cache");
    private static final String COMPLETE = "complete";
    private static final int PROGRESS_STEP = 10_000;

    private PopulatedPeer() {
    }

    /** A token on the benchmark disk per size (ascending); delete their homes when done. */
    static Map<Integer, SoftHsmPeer.Token> build(SoftHsmPeer peer, List<Integer> sizes, boolean fresh) {
        Map<Integer, SoftHsmPeer.Token> tokens = new LinkedHashMap<>();
        Path fillDir = PopulatedClusters.fillRoot();
        try {
            Path working = fillDir.resolve("token");
            SoftHsmPeer.Token token = null;
            int done = 0;
            for (int size : sizes) {
                Path cached = CACHE.resolve(String.valueOf(size));
                if (!fresh && Files.exists(cached.resolve(COMPLETE))) {
                    TestFiles.deleteTree(working);
                    TestFiles.copyTree(cached, working);
                    token = SoftHsmPeer.Token.at(working);
                    System.out.printf("SoftHSM2 token with %,d keys: reused from %s%n", size, cached);
                } else {
                    token = token != null ? token : peer.newToken(working);
                    fill(peer, token, done, size, fillDir);
                    TestFiles.deleteTree(cached);
                    TestFiles.copyTree(working, cached);
                    Files.writeString(cached.resolve(COMPLETE), size + " keys\n");
                }
                done = size;
                Path onDisk = BenchDirs.newDataDir("peer-" + size);
                TestFiles.copyTree(working, onDisk);
                tokens.put(size, SoftHsmPeer.Token.at(onDisk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TestFiles.deleteTree(fillDir);
        }
        return tokens;
    }

    private static void fill(SoftHsmPeer peer, SoftHsmPeer.Token token, int from, int to, Path where) {
        long start = System.nanoTime();
        for (int n = from; n < to; n = Math.min(to, n + PROGRESS_STEP)) {
            int end = Math.min(to, n + PROGRESS_STEP);
            peer.populate(token, n, end);
            System.out.printf("SoftHSM2 token: %,d keys through PKCS#11 after %.0f s (in %s)%n", end,
                    (System.nanoTime() - start) / 1e9, where);
        }
    }

    static void delete(Map<Integer, SoftHsmPeer.Token> tokens) {
        tokens.values().forEach(t -> TestFiles.deleteTree(t.home()));
    }
}
