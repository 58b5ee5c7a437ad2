package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL migration that gives keys two quorum values: a key stored with one m_value (which
 * guarded use and management) keeps it for both; a key made after keeps two different values.
 */
class PostgresQuorumValuesMigrationTest {
    @TempDir
    Path temp;

    private final PostgresUrl url = PostgresServer.get().newDatabase();
    private final PostgresBackend backend = new PostgresBackend(url);

    private ClusterCatalog catalog() {
        return new ClusterCatalog(backend, new DataDirectory(temp), new ManualClock(TestClusters.START));
    }

    @Test
    void anOldKeyKeepsItsMValueForBothAndANewKeyKeepsTwo() throws Exception {
        long old;
        try (HsmCluster cluster = catalog().createDemo("team", new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L), null));
             HsmSession alice = TestClusters.login(cluster, "alice")) {
            old = alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "old")).value().handle();
        }
        DirectSql.run(url, "SET search_path TO \"hsm_team\"", "ALTER TABLE keys DROP COLUMN manage_m_value",
                "UPDATE keys SET m_value = 1 WHERE label = 'old'",
                "UPDATE schema_version SET version = 4"); // before the quorum values (version 5)

        try (HsmCluster cluster = catalog().open("team"); HsmSession alice = TestClusters.login(cluster, "alice")) {
            KeyInfo before = alice.keyInfo(old).value();
            assertThat(List.of(before.mValue(), before.manageMValue())).containsExactly(1, 1);
            long made = alice.generateSdk5Key(GenSymKeyRequest.of(31, 32, "new").withQuorum(1, 0), java.util.Map.of())
                    .value().handle();
            KeyInfo after = alice.keyInfo(made).value();
            assertThat(List.of(after.mValue(), after.manageMValue())).containsExactly(1, 0);
        }
        try (HsmCluster cluster = catalog().open("team"); HsmSession alice = TestClusters.login(cluster, "alice")) {
            assertThat(alice.keyInfo(old).value().manageMValue()).isEqualTo(1);
        }
    }
}
