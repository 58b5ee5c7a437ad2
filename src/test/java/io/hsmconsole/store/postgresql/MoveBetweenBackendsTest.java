package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ClusterExchange;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.audit.AuditChain;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cluster export} from SQLite, {@code cluster import} into PostgreSQL, and back: every key
 * (material included, a key pair sharing its ID), user (lockout count included), the PKI, each node's
 * last attestation and the audit chain arrive unchanged, and the chain still verifies.
 */
class MoveBetweenBackendsTest {
    private static final char[] PASSPHRASE = "correct horse".toCharArray();

    @Test
    void aClusterMovesFromSqliteToPostgresqlAndBackWhole() throws Exception {
        Path sqliteHome = Files.createTempDirectory("hsm-move-sqlite-");
        Path backHome = Files.createTempDirectory("hsm-move-back-");
        try (TeamMachines team = new TeamMachines()) {
            StoreBackend sqlite = new SqliteBackend();
            Path toPostgres = sqliteHome.resolve("to-postgres.json");
            try (HsmCluster source = new ClusterCatalog(sqlite, new DataDirectory(sqliteHome), team.clock)
                    .createDemo("moving", new io.hsmconsole.hsm.cluster.ClusterOptions(
                            io.hsmconsole.hsm.cluster.HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null))) {
                populate(source);
                ClusterExchange.export(source, PASSPHRASE.clone(), toPostgres);
            }
            Path toSqlite = backHome.resolve("to-sqlite.json");
            try (HsmCluster onPostgres = team.catalog(team.machineA).importCluster(toPostgres, PASSPHRASE.clone(), null)) {
                assertSame(sqlite, sqliteHome, team.backend, team.machineA);
                assertThat(onPostgres.auditLog().verify().intact()).isTrue();
                ClusterExchange.export(onPostgres, PASSPHRASE.clone(), toSqlite);
            }
            try (HsmCluster back = new ClusterCatalog(sqlite, new DataDirectory(backHome), team.clock)
                    .importCluster(toSqlite, PASSPHRASE.clone(), null)) {
                assertSame(team.backend, team.machineA, sqlite, backHome);
                assertThat(back.auditLog().verify().intact()).isTrue();
            }
        } finally {
            TestFiles.deleteTree(sqliteHome);
            TestFiles.deleteTree(backHome);
        }
    }

    /** Keys of every kind, a new user, a failed login, a passed and a failed attestation, an offline node. */
    private static void populate(HsmCluster cluster) {
        int bob = cluster.users().stream().filter(u -> u.name().equals("bob")).findFirst().orElseThrow().id();
        try (HsmSession alice = TestClusters.login(cluster, "alice")) {
            assertThat(alice.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "aes").withId("id-aes")
                    .withShareWith(List.of(bob)).withMValue(2)).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(alice.pairs().generateKeyPair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537),
                    new KeyOptions("rsa", "id-pair", false, false, List.of(), 0, null, null, false)), null)
                    .code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(alice.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("ec")), null)
                    .code()).isEqualTo(ReturnCode.SUCCESS);
        }
        assertThat(cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "bob", "wrong".toCharArray()).isSuccess())
                .isFalse();
        assertThat(cluster.attestNode(0).isSuccess()).isTrue();
        assertThat(cluster.tamperFirmware(1).isSuccess()).isTrue();
        cluster.attestNode(1);
        assertThat(cluster.setNodeOnline(2, false).isSuccess()).isTrue();
        cluster.auditLog().flush();
    }

    /**
     * The imported store holds what the exported one held; its audit log is the exported one (which
     * ended just before its own export) with the import's own records after it.
     */
    private static void assertSame(StoreBackend fromBackend, Path from, StoreBackend toBackend, Path to) {
        try (ClusterStore a = fromBackend.open(new DataDirectory(from).clusterDir("moving"), new SecureRandom());
             ClusterStore b = toBackend.open(new DataDirectory(to).clusterDir("moving"), new SecureRandom())) {
            for (Function<ClusterStore, List<String>> facts : List.<Function<ClusterStore, List<String>>>of(
                    ClusterFacts::users, ClusterFacts::keys, ClusterFacts::identities, ClusterFacts::attestations,
                    ClusterFacts::nodes)) {
                assertThat(facts.apply(b)).isNotEmpty().containsExactlyElementsOf(facts.apply(a));
            }
            assertThat(ClusterFacts.keys(b)).hasSize(5);
            assertThat(ClusterFacts.attestations(b)).hasSize(2);
            assertThat(b.counters()).isEqualTo(a.counters());
            List<String> exported = ClusterFacts.audit(a);
            exported = exported.subList(0, exported.size() - 1); // the export's own record came after
            assertThat(ClusterFacts.audit(b)).startsWith(exported.toArray(String[]::new));
            assertThat(AuditChain.verify(b.auditRecords(0, Integer.MAX_VALUE), b.auditHighWater()).intact()).isTrue();
        }
    }
}
