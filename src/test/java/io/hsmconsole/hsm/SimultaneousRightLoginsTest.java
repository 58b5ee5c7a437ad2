package io.hsmconsole.hsm;

import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.UserRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right passwords checked at the same time are not failures: a CI fleet logging in as one crypto
 * user at once must never be told "account locked" (the sixth of six simultaneous right logins was,
 * as it saw five attempts in flight counted in advance). The lockout itself stays whole:
 * {@link ConcurrentLoginTest} and {@link LockoutAcrossProcessesTest}.
 */
class SimultaneousRightLoginsTest {
    private static final int LOGINS = 12;

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);

    /**
     * Deterministic: twelve checks of bob reserve at once and the first five to get in are held in
     * their check until every other one has either answered or is waiting for them; only then do the
     * five finish. All twelve must get their reservation and release it (before the fix, seven were
     * refused ACCOUNT_LOCKED in every round).
     */
    @Test
    void checksHeldInFlightDoNotLockOutTheRightPasswordsAfterThem() throws Exception {
        try (HsmCluster cluster = TestClusters.demo(dir, clock)) {
            ClusterStore store = cluster.store();
            LoginAttempts attempts = new LoginAttempts(store::writeWithoutSync, store::userById);
            for (int round = 0; round < 5; round++) {
                UserRecord bob = store.userByName("bob").orElseThrow();
                CountDownLatch held = new CountDownLatch(Credentials.LOCKOUT_FAILURES);
                CountDownLatch finish = new CountDownLatch(1);
                AtomicInteger granted = new AtomicInteger();
                AtomicInteger released = new AtomicInteger();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < LOGINS; i++) {
                    Thread thread = new Thread(() -> {
                        LoginAttempts.Reservation r = attempts.reserve(bob);
                        if (!r.granted()) {
                            return;
                        }
                        granted.incrementAndGet();
                        held.countDown();
                        try {
                            finish.await(); // the slow hash, found right
                            if (attempts.release(r)) {
                                released.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            attempts.settle(r);
                        }
                    });
                    thread.start();
                    threads.add(thread);
                }
                held.await();
                while (!threads.stream().allMatch(SimultaneousRightLoginsTest::heldOrWaitingOrDone)) {
                    Thread.sleep(1); // polling thread states, not a timed assertion
                }
                finish.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                assertThat(granted).as("round %d: reservations granted", round).hasValue(LOGINS);
                assertThat(released).as("round %d: right passwords released", round).hasValue(LOGINS);
                assertThat(store.userByName("bob").orElseThrow().loginFailures()).as("the count reset").isZero();
            }
        }
    }

    /** Twelve right logins at once in one process, 10 rounds: all get in. */
    @Test
    void rightPasswordsAtOnceInOneProcessAllGetIn() throws Exception {
        TestClusters.demo(dir, clock).close();
        try (HsmCluster process = TestClusters.catalog(dir, clock).open("demo")) {
            SimultaneousLogins.assertAllGetIn(List.of(process), LOGINS, 10);
        }
    }

    /** The same from two open stores of one SQLite file (two processes): all get in. */
    @Test
    void rightPasswordsAtOnceFromTwoProcessesAllGetIn() throws Exception {
        TestClusters.demo(dir, clock).close();
        try (HsmCluster one = TestClusters.catalog(dir, clock).open("demo");
             HsmCluster two = TestClusters.catalog(dir, clock).open("demo")) {
            SimultaneousLogins.assertAllGetIn(List.of(one, two), LOGINS, 10);
        }
    }

    /**
     * Five wrong passwords and seven right ones at once, over two processes, 10 rounds: all five wrong
     * ones are checked, and a right one is refused only when the five wrong ones were counted in a row
     * before it: the account is then locked (not merely busy), to the right password as well.
     */
    @Test
    void wrongAndRightPasswordsRacingLockOnlyAfterFiveWrongInARow() throws Exception {
        TestClusters.demo(dir, clock).close();
        try (HsmCluster one = TestClusters.catalog(dir, clock).open("demo");
             HsmCluster two = TestClusters.catalog(dir, clock).open("demo")) {
            HsmSession officer = one.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1", "officer1_pwd".toCharArray()).value();
            List<String> passwords = new ArrayList<>(Collections.nCopies(7, "bob_pwd"));
            passwords.addAll(List.of("w1", "w2", "w3", "w4", "w5"));
            for (int round = 0; round < 10; round++) {
                List<ReturnCode> outcomes = SimultaneousLogins.race(List.of(one, two), passwords);
                int failures = one.store().userByName("bob").orElseThrow().loginFailures();
                assertThat(outcomes).as("round %d: %s", round, outcomes).filteredOn(c -> c == ReturnCode.LOGIN_FAILURE).hasSize(5);
                assertThat(outcomes).as("round %d: %s", round, outcomes)
                        .filteredOn(c -> c == ReturnCode.SUCCESS || c == ReturnCode.ACCOUNT_LOCKED).hasSize(7);
                if (outcomes.contains(ReturnCode.ACCOUNT_LOCKED)) {
                    assertThat(failures).as("round %d: refused as locked, so locked: %s", round, outcomes)
                            .isEqualTo(Credentials.LOCKOUT_FAILURES);
                    assertThat(ConcurrentLoginTest.login(two, "bob", "bob_pwd")).isEqualTo(ReturnCode.ACCOUNT_LOCKED);
                }
                if (failures > 0) { // the next round starts from no failure
                    assertThat(officer.users().changePassword(UserType.CU, "bob", "bob_pwd".toCharArray()).code())
                            .isEqualTo(ReturnCode.SUCCESS);
                }
            }
        }
    }

    /** A check held in its slow hash, a reservation waiting for them, or a thread that has answered. */
    private static boolean heldOrWaitingOrDone(Thread t) {
        if (t.getState() == Thread.State.TERMINATED) {
            return true;
        }
        return t.getState() == Thread.State.WAITING && Arrays.stream(t.getStackTrace()).anyMatch(f ->
                f.getClassName().equals(CountDownLatch.class.getName()) && f.getMethodName().equals("await")
                        || f.getClassName().equals(LoginAttempts.class.getName()) && f.getMethodName().equals("awaitAnySettle"));
    }
}
