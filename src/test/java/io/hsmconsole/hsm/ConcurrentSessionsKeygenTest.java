package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several sessions of one process generating token keys at once (their commits are grouped): every
 * handle is unique, every acknowledged key is in the store when the cluster is opened again, and
 * of the sessions racing for one key ID exactly one gets it while the others are refused.
 */
class ConcurrentSessionsKeygenTest {
    private static final int SESSIONS = 6;
    private static final int KEYS_EACH = 30;

    @TempDir
    Path dataDir;
    ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void concurrentSessionsKeepHandlesUniqueAndEveryAcknowledgedKey() throws Exception {
        List<Long> acknowledged = new ArrayList<>();
        List<ReturnCode> racedForId = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(SESSIONS);
        try (HsmCluster cluster = TestClusters.demo(dataDir, clock)) {
            List<HsmSession> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(TestClusters.login(cluster, i % 2 == 0 ? "example_user" : "alice"));
            }
            CyclicBarrier start = new CyclicBarrier(SESSIONS);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                HsmSession s = sessions.get(i);
                int n = i;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    List<Long> handles = new ArrayList<>();
                    ReturnCode forSharedId = null;
                    for (int k = 0; k < KEYS_EACH; k++) {
                        GenSymKeyRequest request = GenSymKeyRequest.of(31, 32, "s" + n + "-" + k);
                        if (k == KEYS_EACH / 2) {
                            request = request.withId("raced-for");
                        }
                        HsmResult<GeneratedKey> r = s.generateSymmetricKey(request);
                        if (k == KEYS_EACH / 2) {
                            forSharedId = r.code();
                        }
                        if (r.isSuccess()) {
                            handles.add(r.value().handle());
                        } else {
                            assertThat(r.code()).isEqualTo(ReturnCode.DUPLICATE_KEY_ID);
                        }
                    }
                    return new Outcome(handles, forSharedId);
                }));
            }
            for (Future<Outcome> o : outcomes) {
                Outcome outcome = o.get(120, TimeUnit.SECONDS);
                acknowledged.addAll(outcome.handles());
                racedForId.add(outcome.forSharedId());
            }
            sessions.forEach(HsmSession::close);
        } finally {
            threads.shutdownNow();
        }

        assertThat(racedForId).containsOnly(ReturnCode.SUCCESS, ReturnCode.DUPLICATE_KEY_ID);
        assertThat(racedForId).filteredOn(c -> c == ReturnCode.SUCCESS).hasSize(1);
        assertThat(acknowledged).hasSize(SESSIONS * KEYS_EACH - (SESSIONS - 1)).doesNotHaveDuplicates();
        try (HsmCluster reopened = TestClusters.catalog(dataDir, clock).open("demo")) {
            assertThat(reopened.info().tokenKeyCount()).isEqualTo(acknowledged.size());
            List<Long> stored = new ArrayList<>();
            for (String user : List.of("example_user", "alice")) {
                HsmSession s = TestClusters.login(reopened, user);
                stored.addAll(s.findKeys(KeyQuery.all()).value());
                s.close();
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    private record Outcome(List<Long> handles, ReturnCode forSharedId) {
    }
}
