package io.hsmconsole.store.sqlite;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside one call ({@link ClusterStore#withOneKeyCheck}) an open store looks at other processes' key
 * changes once, at the call's first key read, and answers the call's later reads of keys and copies as
 * of that look; the next call looks again, so what another process changed or deleted is seen by it.
 * The call's own commits, and those of other threads of the process, are seen at once.
 */
class OneKeyCheckTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);

    private String label(ClusterStore store, long handle) {
        return store.key(handle).map(KeyRecord::label).orElse(null);
    }

    /** A store kept open (this process) beside another process's cluster, whose user owns a key labelled "first". */
    private record Elsewhere(HsmCluster cluster, ClusterStore kept, HsmSession owner, long handle) implements AutoCloseable {
        /** The key's label as the kept store reads it now. */
        String label() {
            return kept.key(handle).map(KeyRecord::label).orElse(null);
        }

        @Override
        public void close() {
            owner.close();
            kept.close();
            cluster.close();
        }
    }

    private Elsewhere elsewhere() {
        TestClusters.demo(dir, clock).close();
        HsmCluster cluster = TestClusters.catalog(dir, clock).open("demo");
        ClusterStore kept = new SqliteBackend().open(dir.resolve("clusters/demo"), new SecureRandom());
        HsmSession owner = TestClusters.login(cluster, "example_user");
        long handle = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "first")).value().handle();
        return new Elsewhere(cluster, kept, owner, handle);
    }

    @Test
    void aCallLooksOnceAndTheNextCallSeesWhatAnotherProcessChanged() {
        try (Elsewhere scene = elsewhere()) {

            String inside = scene.kept().withOneKeyCheck(() -> {
                assertThat(scene.label()).isEqualTo("first");
                assertThat(scene.owner().setAttribute(scene.handle(), Attribute.LABEL, 0, "second").code())
                        .isEqualTo(ReturnCode.SUCCESS);
                return scene.label();
            });
            assertThat(inside).as("the call's second read is answered as of its one look").isEqualTo("first");
            assertThat(scene.kept().withOneKeyCheck(scene::label)).as("the next call looks again").isEqualTo("second");
            assertThat(scene.label()).as("a read outside a call looks").isEqualTo("second");

            boolean[] seenInside = scene.kept().withOneKeyCheck(() -> {
                boolean present = scene.kept().key(scene.handle()).isPresent()
                        && !scene.kept().copies(scene.handle()).isEmpty();
                assertThat(scene.owner().deleteKey(scene.handle()).code()).isEqualTo(ReturnCode.SUCCESS);
                return new boolean[] {present, scene.kept().key(scene.handle()).isPresent()};
            });
            assertThat(seenInside).containsExactly(true, true);
            scene.kept().withOneKeyCheck(() -> {
                assertThat(scene.kept().key(scene.handle())).as("deleted by another process: the next call does not find it")
                        .isEmpty();
                assertThat(scene.kept().copies(scene.handle())).isEmpty();
                return null;
            });
        }
    }

    @Test
    void theCallsOwnCommitsAndThoseOfTheProcessesOtherThreadsAreSeenAtOnce() throws InterruptedException {
        TestClusters.demo(dir, clock).close();
        try (ClusterStore kept = new SqliteBackend().open(dir.resolve("clusters/demo"), new SecureRandom());
             HsmCluster mine = new HsmCluster(kept, clock)) {
            HsmSession owner = TestClusters.login(mine, "example_user");
            long handle = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "first")).value().handle();

            String own = kept.withOneKeyCheck(() -> {
                assertThat(label(kept, handle)).isEqualTo("first");
                owner.setAttribute(handle, Attribute.LABEL, 0, "second");
                return label(kept, handle);
            });
            assertThat(own).as("the call's own change").isEqualTo("second");

            AtomicReference<String> other = new AtomicReference<>();
            String byAnotherThread = kept.withOneKeyCheck(() -> {
                assertThat(label(kept, handle)).isEqualTo("second");
                Thread t = new Thread(() -> other.set(String.valueOf(
                        owner.setAttribute(handle, Attribute.LABEL, 0, "third").code())));
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return label(kept, handle);
            });
            assertThat(other.get()).isEqualTo("SUCCESS");
            assertThat(byAnotherThread).as("committed by another thread of this process").isEqualTo("third");
            owner.close();
        }
    }

    @Test
    void aCallWithinACallIsPartOfItAndTheLookEndsWithTheOuterOne() {
        try (Elsewhere scene = elsewhere()) {
            String[] labels = scene.kept().withOneKeyCheck(() -> {
                String before = scene.label();
                scene.owner().setAttribute(scene.handle(), Attribute.LABEL, 0, "second");
                String nested = scene.kept().withOneKeyCheck(scene::label);
                String after = scene.label();
                return new String[] {before, nested, after};
            });
            assertThat(labels).containsExactly("first", "first", "first");
            assertThat(scene.label()).isEqualTo("second");
        }
    }
}
