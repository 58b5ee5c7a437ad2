package io.hsmconsole.store;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.ReadPurpose;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeyQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that gives keys two quorum values (manage_m_value beside m_value): a key stored
 * before it had one m_value guarding both use and management, so after it both values are that
 * m_value, not a management value of 0 (which would let the key be shared or changed without
 * approvals it needed before).
 */
class QuorumValuesMigrationTest {
    @TempDir
    Path dataDir;
    ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void aKeyStoredWithOneMValueKeepsItForUseAndManagement() throws SQLException {
        Path db = OldSchemas.demoStoreWithKeys(dataDir, clock, "guarded", "open");
        int current = OldSchemas.userVersion(db);
        OldSchemas.sql(db, OldSchemas.UNDO_10);
        OldSchemas.sql(db, "UPDATE keys SET m_value = 1 WHERE label = 'guarded'", "PRAGMA user_version = " + (current - 1));

        try (HsmCluster cluster = TestClusters.catalog(dataDir, clock).open("demo")) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            List<KeyInfo> infos = s.findKeys(KeyQuery.all()).value().stream()
                    .map(h -> s.keyInfo(h, ReadPurpose.DISPLAY_REFRESH).value()).toList();
            assertThat(infos).extracting(KeyInfo::mValue, KeyInfo::manageMValue)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(0, 0));
            s.close();
        }
        assertThat(OldSchemas.userVersion(db)).isEqualTo(current);
    }
}
