package io.hsmconsole.controller;

import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.attest.CertificateSummary;

import java.util.List;

/**
 * One node's attestation as the console shows it: the client's verdict and why, when, the measured
 * and expected firmware digests, and both certificate chains (HSM certificate, hardware certificate,
 * root). A copy of the simulator's report, so the UI does not depend on the attestation package.
 */
public record NodeAttestation(int nodeId, boolean passed, String reason, long timeMillis, String measuredHex,
                              String expectedHex, List<Certificate> manufacturerChain, List<Certificate> operatorChain) {

    public NodeAttestation {
        manufacturerChain = List.copyOf(manufacturerChain);
        operatorChain = List.copyOf(operatorChain);
    }

    /** What a user checks on a certificate: who it names, who signed it, when it is valid, its fingerprint. */
    public record Certificate(String subject, String issuer, long notBeforeMillis, long notAfterMillis,
                              String sha256Fingerprint) {
    }

    static NodeAttestation of(AttestationReport r) {
        return new NodeAttestation(r.nodeId(), r.passed(), r.reason(), r.timeMillis(), r.measuredHex(), r.expectedHex(),
                chain(r.manufacturerChain()), chain(r.operatorChain()));
    }

    private static List<Certificate> chain(List<CertificateSummary> chain) {
        return chain.stream().map(c -> new Certificate(c.subject(), c.issuer(), c.notBeforeMillis(), c.notAfterMillis(),
                c.sha256Fingerprint())).toList();
    }
}
