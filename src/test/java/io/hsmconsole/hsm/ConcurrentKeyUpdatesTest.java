package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.store.KeyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, case 2 beyond users: a key's record is read, changed and written back by setAttribute
 * while another process shares the key. Before the fix setAttribute wrote back the key it had read
 * before the share, shares included, and the share was silently undone.
 */
class ConcurrentKeyUpdatesTest {
    private static final int TRIALS = 200;

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void aLabelChangeNeverUndoesAConcurrentShare() throws Exception {
        TestClusters.demo(dir, clock).close();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (HsmCluster one = TestClusters.catalog(dir, clock).open("demo");
             HsmCluster two = TestClusters.catalog(dir, clock).open("demo")) {
            HsmSession labeller = TestClusters.login(one, "alice");
            HsmSession sharer = TestClusters.login(two, "alice");
            int carol = one.users().stream().filter(u -> u.name().equals("carol")).mapToInt(UserInfo::id).findFirst().orElseThrow();
            List<String> lost = new ArrayList<>();
            for (int trial = 0; trial < TRIALS; trial++) {
                long handle = labeller.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k" + trial)).value().handle();
                CyclicBarrier start = new CyclicBarrier(2);
                String label = "relabelled" + trial;
                Future<ReturnCode> relabel = pool.submit(ConcurrentLoginTest.after(start,
                        () -> labeller.setAttribute(handle, Attribute.LABEL, 0, label).code()));
                Future<ReturnCode> share = pool.submit(ConcurrentLoginTest.after(start,
                        () -> sharer.shareKey(handle, carol, true).code()));
                assertThat(relabel.get()).isEqualTo(ReturnCode.SUCCESS);
                assertThat(share.get()).isEqualTo(ReturnCode.SUCCESS);
                KeyRecord key = one.store().key(handle).orElseThrow();
                if (!key.sharedWith().contains(carol) || !key.label().equals(label)) {
                    lost.add("trial " + trial + ": label " + key.label() + ", shared with " + key.sharedWith());
                }
            }
            assertThat(lost).as("changes lost to a concurrent update of the same key").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
