package io.hsmconsole.ui.cluster;

import java.util.List;

/**
 * The details pane's content for one node's last attestation: the verdict and why, the measured and
 * expected firmware digests, and both certificate chains from the HSM certificate up to the root.
 */
public record AttestationDetails(int nodeId, boolean attested, boolean passed, String heading, String reason,
                                 String measuredHex, String expectedHex, boolean measurementMatches,
                                 List<CertificateLine> manufacturerChain, List<CertificateLine> operatorChain) {

    public AttestationDetails {
        manufacturerChain = List.copyOf(manufacturerChain);
        operatorChain = List.copyOf(operatorChain);
    }

    /** One certificate as the pane lists it. */
    public record CertificateLine(String role, String subject, String issuer, String validity, String fingerprint) {
    }
}
