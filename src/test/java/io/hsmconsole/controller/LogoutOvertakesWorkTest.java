package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.PairFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A display read the window asked for while logged in (the inspector's pair facts, the key form's
 * pre-flight) may start only after the user logged out or the window closed: on a loaded machine the
 * worker thread comes late. That is no error to report (the views it was for were cleared at logout,
 * and nothing was done); before, it reached the error dialog as "no user is logged in"
 * ({@code KeyPairWindowTest}'s DSA test failed so once under load 15, at the window's close).
 */
class LogoutOvertakesWorkTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    /** Work handed to the runner waits here until the test lets it run, as a late worker thread would. */
    final HeldRunner held = new HeldRunner();

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("example_user");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void theInspectorsReadThatStartsAfterTheLogoutIsDroppedNotReportedAsAnError() {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("late")));
        KeyPairController late = new KeyPairController(f.workspace, held, f.errors::add, () -> { });
        AtomicReference<HsmResult<PairFacts>> shown = new AtomicReference<>();
        late.facts(pair.privateHandle(), shown::set);
        late.check(KeyPairRequest.ec(2, KeyOptions.labelled("next")), problems -> { });

        ControllerFixture.await(f.sessions::logout);
        held.runAll();

        assertThat(f.errors).as("what the controllers reported").isEmpty();
        assertThat(shown.get()).as("nothing delivered to a screen that was cleared").isNull();
    }

    @Test
    void theSameReadAtTheWindowsCloseIsDroppedToo() {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("late")));
        KeyPairController late = new KeyPairController(f.workspace, held, f.errors::add, () -> { });
        late.facts(pair.privateHandle(), facts -> { });

        f.sessions.shutdown();
        held.runAll();

        assertThat(f.errors).isEmpty();
    }

    @Test
    void readsThatRunWhileLoggedInStillDeliver() {
        GeneratedPair pair = f.generatePair(KeyPairRequest.ec(2, KeyOptions.labelled("in_time")));
        KeyPairController inTime = new KeyPairController(f.workspace, held, f.errors::add, () -> { });
        AtomicReference<HsmResult<PairFacts>> shown = new AtomicReference<>();
        inTime.facts(pair.privateHandle(), shown::set);

        held.runAll();

        assertThat(shown.get().isSuccess()).isTrue();
        assertThat(f.errors).isEmpty();
    }

    /** A runner whose work waits until {@link #runAll()}, then runs on the test's thread in order. */
    static final class HeldRunner implements TaskRunner {
        private final List<Runnable> waiting = new ArrayList<>();
        private final SameThreadTaskRunner now = new SameThreadTaskRunner();

        @Override
        public <T> TaskHandle run(BackgroundWork<T> work) {
            waiting.add(() -> now.run(work));
            return TaskHandle.DONE;
        }

        void runAll() {
            List.copyOf(waiting).forEach(Runnable::run);
            waiting.clear();
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        @Override
        public TaskHandle repeat(String name, Duration period, Runnable check) {
            return TaskHandle.DONE;
        }
    }
}
