package io.hsmconsole.hsm.attest;

/** What a user checks on a certificate: who it names, who signed it, when it is valid, its fingerprint. */
public record CertificateSummary(String subject, String issuer, long notBeforeMillis, long notAfterMillis,
                                 String sha256Fingerprint) {
}
