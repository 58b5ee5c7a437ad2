package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.ChangeSubscription;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team mode's change notifications: a store on machine A hears a write committed on machine B
 * without asking the server (PostgreSQL's LISTEN/NOTIFY), and a closed subscription hears nothing more.
 * The waits are generous bounds for an event, not timings.
 */
class PostgresChangeChannelTest {
    private static final long BOUND_SECONDS = 60;

    @Test
    void aStoreHearsAKeyMadeOnTheOtherMachine() throws Exception {
        try (TeamMachines team = new TeamMachines(); HsmCluster a = team.createOnA(); HsmCluster b = team.openOnB();
             HsmSession onB = TestClusters.login(b, "alice")) {
            Semaphore heard = new Semaphore(0);
            try (ChangeSubscription listening = a.subscribe(heard::release).orElseThrow()) {
                assertThat(heard.tryAcquire(BOUND_SECONDS, TimeUnit.SECONDS)).as("told once it listens").isTrue();
                long before = a.changeCounter();

                assertThat(onB.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "from_b")).isSuccess()).isTrue();

                assertThat(heard.tryAcquire(BOUND_SECONDS, TimeUnit.SECONDS)).as("B's commit heard on A").isTrue();
                assertThat(a.changeCounter()).isGreaterThan(before);
            }
        }
    }

    @Test
    void aClosedSubscriptionIsNotCalledAgain() throws Exception {
        try (TeamMachines team = new TeamMachines(); HsmCluster a = team.createOnA(); HsmCluster b = team.openOnB()) {
            Semaphore first = new Semaphore(0);
            Semaphore second = new Semaphore(0);
            ChangeSubscription closed = a.subscribe(first::release).orElseThrow();
            assertThat(first.tryAcquire(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            closed.close();
            try (ChangeSubscription open = a.subscribe(second::release).orElseThrow()) {
                b.setNodeOnline(1, false);
                // The open subscription hears B's write; the closed one, called by the same thread
                // before it, would have been called by then.
                assertThat(second.tryAcquire(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
                assertThat(first.availablePermits()).isZero();
            }
        }
    }
}
