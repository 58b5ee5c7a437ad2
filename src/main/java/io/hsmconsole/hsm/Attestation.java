package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.AttestationVerifier;
import io.hsmconsole.hsm.attest.ClusterPki;
import io.hsmconsole.hsm.attest.NodeSigner;
import io.hsmconsole.hsm.attest.SignedResponse;
import io.hsmconsole.hsm.cluster.Firmware;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.IdentityItem;
import io.hsmconsole.store.NodeRecord;
import io.hsmconsole.store.StoreException;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * One attested exchange: the client makes a fresh nonce, the node signs its answer with what it
 * really runs (its stored firmware measurement, tampered or not), and the client verifies the
 * response against the cluster's two roots and the known-good measurement of the node's firmware
 * version. Nothing here is a flag: a tampered node fails because its signed measurement differs.
 */
final class Attestation {
    private static final SecureRandom NONCES = new SecureRandom();
    private final HsmCluster cluster;

    Attestation(HsmCluster cluster) {
        this.cluster = cluster;
    }

    /** One exchange; the verdict is also kept as the node's last attestation, for every process to see. */
    AttestationReport attest(int nodeId, long resultCode, byte[] payload) {
        byte[] nonce = new byte[32];
        NONCES.nextBytes(nonce);
        AttestationReport report = verify(nodeId, respond(nodeId, resultCode, payload, nonce), nonce);
        cluster.recordAttestation(report);
        return report;
    }

    /** What the node sends back. */
    SignedResponse respond(int nodeId, long resultCode, byte[] payload, byte[] nonce) {
        ClusterStore store = cluster.store();
        NodeRecord node = store.nodes().stream().filter(n -> n.id() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + nodeId));
        IdentityItem hsm = required(store, ClusterPki.hsmCertificate(nodeId));
        SignedResponse.Body body = new SignedResponse.Body(nodeId, resultCode, AttestationVerifier.digest(payload),
                node.firmwareMeasurement(), nonce, cluster.clock().nowMillis());
        return NodeSigner.sign(hsm, body);
    }

    /** What the client concludes. */
    AttestationReport verify(int nodeId, SignedResponse response, byte[] nonce) {
        ClusterStore store = cluster.store();
        String version = store.nodes().stream().filter(n -> n.id() == nodeId).findFirst()
                .map(NodeRecord::firmwareVersion).orElse(Firmware.CURRENT_VERSION);
        AttestationVerifier verifier = new AttestationVerifier(required(store, ClusterPki.MANUFACTURER_ROOT).certificate(),
                required(store, ClusterPki.OPERATOR_ROOT).certificate());
        return verifier.verify(response, nonce, nodeId, certificates(store, nodeId),
                Firmware.knownGoodMeasurement(version), cluster.clock().nowMillis());
    }

    static AttestationVerifier.NodeCertificates certificates(ClusterStore store, int nodeId) {
        return new AttestationVerifier.NodeCertificates(
                required(store, ClusterPki.manufacturerHardware(nodeId)).certificate(),
                required(store, ClusterPki.operatorHardware(nodeId)).certificate(),
                required(store, ClusterPki.hsmCertificate(nodeId)).certificate());
    }

    static IdentityItem required(ClusterStore store, String name) {
        Optional<IdentityItem> item = store.identity(name);
        return item.orElseThrow(() -> new StoreException(store.location(), "the cluster has no " + name
                + " certificate; the store is damaged"));
    }
}
