package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.AttestationVerifier;
import io.hsmconsole.hsm.attest.ClusterPki;
import io.hsmconsole.hsm.attest.Pem;
import io.hsmconsole.hsm.attest.SignedResponse;
import io.hsmconsole.hsm.cluster.Firmware;
import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Attestation is real cryptography: every failure below is found by verification, not by a flag. */
class AttestationTest extends DemoClusterTest {
    @Test
    void aHealthyNodePassesWithBothChains() {
        AttestationReport r = cluster.attestNode(1).value();
        assertThat(r.passed()).as(r.reason()).isTrue();
        assertThat(r.manufacturerChain()).hasSize(3);
        assertThat(r.operatorChain()).hasSize(3);
        assertThat(r.manufacturerChain().get(0).subject()).contains("node 1");
        assertThat(r.manufacturerChain().get(2).subject()).contains("Manufacturer Root");
        assertThat(r.operatorChain().get(2).subject()).contains("Operator Root demo");
        assertThat(r.measuredHex()).isEqualTo(r.expectedHex()).isEqualTo(Firmware.hex(Firmware.knownGoodMeasurement("3.4.0")));
    }

    @Test
    void aTamperedNodeFailsWithMeasurementMismatchButKeepsTheKey() {
        cluster.tamperFirmware(0);
        assertThat(cluster.nodes().get(0).state()).isEqualTo(NodeState.TAMPERED);
        HsmResult<GeneratedKey> r = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "k").withAttest(true));
        assertThat(r.value().servingNode()).isZero();
        assertThat(r.code()).isEqualTo(ReturnCode.ATTESTATION_FAILED);
        AttestationReport a = r.attestationReport().orElseThrow();
        assertThat(a.passed()).isFalse();
        assertThat(a.reason()).startsWith("measurement mismatch");
        assertThat(a.measuredHex()).isNotEqualTo(a.expectedHex());
        assertThat(owner.keyInfo(r.value().handle()).code()).isEqualTo(ReturnCode.SUCCESS);
        cluster.restoreFirmware(0);
        assertThat(cluster.attestNode(0).value().passed()).isTrue();
    }

    @Test
    void aCorruptedSignatureOrBodyFails() {
        Attestation att = new Attestation(cluster);
        byte[] nonce = new byte[32];
        SignedResponse good = att.respond(2, 0, new byte[]{1}, nonce);
        assertThat(att.verify(2, good, nonce).passed()).isTrue();
        byte[] sig = good.signature().clone();
        sig[sig.length - 3] ^= 1;
        assertThat(att.verify(2, new SignedResponse(good.body(), sig), nonce).reason()).startsWith("signature invalid");
        byte[] body = good.body().clone();
        body[body.length - 1] ^= 1;
        assertThat(att.verify(2, new SignedResponse(body, good.signature()), nonce).reason()).startsWith("signature invalid");
    }

    @Test
    void aReplayedResponseFailsOnItsNonce() {
        Attestation att = new Attestation(cluster);
        SignedResponse old = att.respond(1, 0, new byte[0], new byte[32]);
        byte[] fresh = new byte[32];
        fresh[0] = 7;
        assertThat(att.verify(1, old, fresh).reason()).startsWith("nonce mismatch");
        assertThat(att.verify(2, att.respond(1, 0, new byte[0], fresh), fresh).passed()).isFalse();
    }

    @Test
    void certificatesOfAnotherClusterFailTheChain() {
        try (HsmCluster other = TestClusters.catalog(dir.resolve("other"), clock).createDemo("other",
                io.hsmconsole.hsm.cluster.ClusterOptions.demo())) {
            Attestation theirs = new Attestation(other);
            byte[] nonce = new byte[32];
            SignedResponse response = theirs.respond(0, 0, new byte[0], nonce);
            AttestationVerifier ours = new AttestationVerifier(cluster.certificate(ClusterPki.MANUFACTURER_ROOT).orElseThrow(),
                    cluster.certificate(ClusterPki.OPERATOR_ROOT).orElseThrow());
            AttestationReport r = ours.verify(response, nonce, 0, Attestation.certificates(other.store(), 0),
                    Firmware.knownGoodMeasurement("3.4.0"), clock.nowMillis());
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).startsWith("chain invalid");
            // Their node's certificates with our roots, but a response signed by our node: the signature fails.
            SignedResponse mine = new Attestation(cluster).respond(0, 0, new byte[0], nonce);
            AttestationReport mixed = ours.verify(mine, nonce, 0, Attestation.certificates(cluster.store(), 0),
                    Firmware.knownGoodMeasurement("3.4.0"), clock.nowMillis());
            assertThat(mixed.passed()).isTrue();
        }
    }

    @Test
    void addedNodesGetTheirOwnCertificatesAndRemovedNodesLoseThem() {
        int added = cluster.addNode(0).value();
        assertThat(cluster.attestNode(added).value().passed()).isTrue();
        cluster.removeNode(added);
        assertThat(cluster.certificate(ClusterPki.hsmCertificate(added))).isEmpty();
        assertThat(cluster.attestNode(added).code()).isEqualTo(ReturnCode.NODE_INVALID);
        cluster.setNodeOnline(1, false);
        assertThat(cluster.attestNode(1).code()).isEqualTo(ReturnCode.SERVER_UNAVAILABLE);
    }

    @Test
    void getAttributeCanBeAttested() {
        long h = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k")).value().handle();
        assertThat(owner.attributes(h, true).attestationReport().orElseThrow().passed()).isTrue();
        assertThat(owner.attributes(h, false).attestationReport()).isEmpty();
    }

    @Test
    void opensslAcceptsBothChains() throws Exception {
        assertThat(opensslAvailable()).as("openssl is needed (.ci/run installs it)").isTrue();
        for (int node = 0; node < 3; node++) {
            Path hsm = pem("hsm" + node, ClusterPki.hsmCertificate(node));
            for (String[] chain : List.of(new String[]{ClusterPki.MANUFACTURER_ROOT, ClusterPki.manufacturerHardware(node)},
                    new String[]{ClusterPki.OPERATOR_ROOT, ClusterPki.operatorHardware(node)})) {
                Path root = pem("root", chain[0]);
                Path hw = pem("hw", chain[1]);
                String out = run("openssl", "verify", "-CAfile", root.toString(), "-untrusted", hw.toString(), hsm.toString());
                assertThat(out).as(String.join(" ", chain)).isEqualTo(hsm + ": OK");
            }
        }
        Path wrongRoot = pem("wrong", ClusterPki.OPERATOR_ROOT);
        Path hw = pem("mhw", ClusterPki.manufacturerHardware(0));
        String out = run("openssl", "verify", "-CAfile", wrongRoot.toString(), "-untrusted", hw.toString(),
                pem("hsm0b", ClusterPki.hsmCertificate(0)).toString());
        assertThat(out).doesNotEndWith(": OK");
    }

    private Path pem(String file, String identity) throws IOException {
        Path p = dir.resolve(file + ".pem");
        Files.writeString(p, Pem.certificate(cluster.certificate(identity).orElseThrow()), StandardCharsets.US_ASCII);
        return p;
    }

    private static boolean opensslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(30, TimeUnit.SECONDS);
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }
}
