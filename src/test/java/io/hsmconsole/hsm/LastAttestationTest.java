package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.CertificateSummary;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.store.AttestationRecord;
import io.hsmconsole.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each node's last attestation is kept in the store: another HsmCluster on the same data directory
 * (what a console sees of a key_mgmt_util script) reads the same verdict, reason, time, digests and chains.
 */
class LastAttestationTest {
    @TempDir
    Path dir;
    ManualClock clock = new ManualClock(TestClusters.START);
    HsmCluster cluster;
    HsmCluster other;

    @BeforeEach
    void open() {
        cluster = TestClusters.demo(dir, clock);
        other = TestClusters.catalog(dir, clock).open("demo");
    }

    @AfterEach
    void close() {
        other.close();
        cluster.close();
    }

    @Test
    void noNodeHasAnAttestationBeforeTheFirst() {
        assertThat(cluster.lastAttestations()).isEmpty();
        assertThat(other.lastAttestation(0)).isEmpty();
    }

    @Test
    void anAttestNowIsSeenByAnotherInstanceWithEverythingTheClientChecked() {
        AttestationReport made = cluster.attestNode(1).value();

        AttestationReport seen = other.lastAttestation(1).orElseThrow();

        assertThat(seen).isEqualTo(made);
        assertThat(seen.passed()).isTrue();
        assertThat(seen.timeMillis()).isEqualTo(TestClusters.START);
        assertThat(seen.manufacturerChain()).hasSize(3);
        assertThat(seen.operatorChain()).hasSize(3);
        assertThat(other.lastAttestations()).containsOnlyKeys(1);
    }

    @Test
    void aScriptsAttestedGenSymKeyOnATamperedNodeLeavesAFailWithItsReason() {
        other.tamperFirmware(0);
        clock.advance(5_000);
        HsmSession script = TestClusters.login(other, "example_user");
        HsmResult<GeneratedKey> r = script.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "attested").withAttest(true));
        script.close();
        assertThat(r.code()).isEqualTo(ReturnCode.ATTESTATION_FAILED);

        AttestationReport seen = cluster.lastAttestation(0).orElseThrow();

        assertThat(seen).isEqualTo(r.attestationReport().orElseThrow());
        assertThat(seen.passed()).isFalse();
        assertThat(seen.reason()).startsWith("measurement mismatch");
        assertThat(seen.measuredHex()).isNotEqualTo(seen.expectedHex());
        assertThat(seen.timeMillis()).isEqualTo(TestClusters.START + 5_000);
    }

    @Test
    void getAttributeWithAttestRecordsTheServingNode() {
        HsmSession s = TestClusters.login(cluster, "example_user");
        long handle = s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k")).value().handle();

        HsmResult<?> r = s.attributes(handle, true);
        s.close();

        int serving = r.nodes().get(0).nodeId();
        assertThat(other.lastAttestation(serving)).contains(r.attestationReport().orElseThrow());
    }

    @Test
    void theNewestAttestationReplacesTheOneBefore() {
        cluster.tamperFirmware(2);
        AttestationReport failed = cluster.attestNode(2).value();
        cluster.restoreFirmware(2);
        clock.advance(1_000);
        AttestationReport passed = other.attestNode(2).value();

        assertThat(failed.passed()).isFalse();
        assertThat(cluster.lastAttestation(2)).contains(passed);
    }

    @Test
    void anOfflineNodeGivesNoVerdictAndKeepsItsLastOne() {
        AttestationReport before = cluster.attestNode(2).value();
        cluster.setNodeOnline(2, false);

        assertThat(cluster.attestNode(2).code()).isEqualTo(ReturnCode.SERVER_UNAVAILABLE);
        assertThat(other.lastAttestation(2)).contains(before);
    }

    @Test
    void aRemovedNodeTakesItsAttestationAlongAndANewNodeWithItsIdStartsWithout() {
        cluster.attestNode(2);
        assertThat(cluster.removeNode(2).isSuccess()).isTrue();
        assertThat(other.lastAttestations()).isEmpty();

        int added = cluster.addNode(0).value();

        assertThat(added).isEqualTo(2);
        assertThat(other.lastAttestation(2)).isEmpty();
    }

    @Test
    void namesWithTabsNewlinesAndBackslashesSurviveTheStoredText() {
        CertificateSummary odd = new CertificateSummary("CN=a\tb\\n,O=x\ny", "CN=\\", 1, 2, "AB:CD");
        AttestationReport report = new AttestationReport(false, "chain invalid: because", 0, 7, "", "ff",
                List.of(odd, odd), List.of(odd));

        AttestationRecord stored = AttestationHistory.record(report);

        assertThat(AttestationHistory.report(stored, dir)).isEqualTo(report);
    }

    @Test
    void aDamagedStoredChainIsReportedNamingTheStoreFile() {
        AttestationRecord damaged = new AttestationRecord(1, 0, true, "", "", "", "manufacturer\tonly two fields");

        assertThatThrownBy(() -> AttestationHistory.report(damaged, dir.resolve("cluster.db")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("node 1").hasMessageContaining(dir.resolve("cluster.db").toString());
    }
}
