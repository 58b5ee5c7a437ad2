package io.hsmconsole.hsm.attest;

import java.util.List;

/**
 * The client's verdict on one signed HSM response: PASS only when both certificate chains lead to
 * their roots, the signature verifies, the nonce is the one sent and the firmware measurement is the
 * known-good one. {@code reason} says which check failed.
 */
public record AttestationReport(boolean passed, String reason, int nodeId, long timeMillis, String measuredHex,
                                String expectedHex, List<CertificateSummary> manufacturerChain,
                                List<CertificateSummary> operatorChain) {

    public AttestationReport {
        manufacturerChain = List.copyOf(manufacturerChain);
        operatorChain = List.copyOf(operatorChain);
    }
}
