package io.hsmconsole.store;

/**
 * The last attestation of one node as stored, so that every process sees it (a script's
 * {@code -attest} shows in a running console): when, the client's verdict and why, the measured and
 * known-good firmware digests (hex), and the certificate chains the client checked, as text the
 * simulator writes and reads back (the store does not interpret it).
 */
public record AttestationRecord(int nodeId, long timeMillis, boolean passed, String reason, String measuredHex,
                                String expectedHex, String chains) {
}
