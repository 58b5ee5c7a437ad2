package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.AuditRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key creation whose one-statement write finds that the other machine wrote in between runs again
 * under the lock ({@code OptimisticBatch}); the audit entries its process had buffered, taken by the
 * first run, go into the second run's write, sealed onto the chain the server has: none lost, none
 * twice, the chain intact across both machines.
 */
class TeamOptimisticAuditTest {
    @Test
    void aKeyCreationRunAgainUnderTheLockKeepsItsBufferedAuditEntries() {
        try (TeamMachines team = new TeamMachines(); HsmCluster a = team.createOnA(); HsmCluster b = team.openOnB();
             HsmSession onA = TestClusters.login(a, "alice"); HsmSession onB = TestClusters.login(b, "alice")) {
            for (int i = 0; i < 3; i++) { // the first learns the row under the lock, the others are one statement each
                assertThat(onA.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "a" + i)).isSuccess()).isTrue();
            }
            assertThat(onB.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "b")).isSuccess()).isTrue();
            b.auditLog().flush();
            // A's last creation is still buffered in A: the next write of A carries it.
            assertThat(onA.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "a3")).isSuccess()).isTrue();
            a.auditLog().flush();

            List<AuditRecord> records = a.auditLog().records(0, 10_000);
            assertThat(records.stream().filter(r -> r.arguments().contains("a2")))
                    .as("the entry taken by the stale run, written once by the run under the lock").hasSize(1);
            assertThat(records.stream().filter(r -> r.command().equals(records.stream()
                    .filter(x -> x.arguments().contains("a0")).findFirst().orElseThrow().command())))
                    .as("one entry per key made").hasSize(5);
            assertThat(a.auditLog().verify().intact()).isTrue();
        }
    }
}
