package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GenSymKeyRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills a cluster through the simulator's own API (every rule applies): AES-256 token keys labelled
 * {@code bench-<n>}, owned in turn by the given demo crypto users.
 */
final class Populator {
    private Populator() {
    }

    /** Generates keys number {@code from} (inclusive) to {@code to} (exclusive). */
    static void generate(HsmCluster cluster, List<String> owners, int from, int to) {
        List<HsmSession> sessions = new ArrayList<>();
        for (String user : owners) {
            sessions.add(BenchClusters.login(cluster, user));
        }
        try {
            for (int n = from; n < to; n++) {
                HsmSession owner = sessions.get(n % sessions.size());
                BenchChecks.handleOf(owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "bench-" + n)));
            }
        } finally {
            sessions.forEach(HsmSession::close);
        }
    }
}
