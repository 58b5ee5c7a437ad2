package io.hsmconsole.hsm.exchange;

import io.hsmconsole.store.AttestationRecord;

import java.util.List;

/**
 * A whole cluster as one JSON document, for sharing a scenario. Secrets (key material, password
 * hashes, private keys) are sealed under a passphrase (see {@link DocumentCipher}); everything else
 * is readable. {@code format} and {@code version} let a reader refuse what it does not know.
 */
public record ClusterDocument(String format, int version, long exportedAtMillis, Protection protection,
                              ClusterPart cluster, List<NodePart> nodes, List<UserPart> users, List<KeyPart> keys,
                              List<CopyPart> copies, List<IdentityPart> identities, List<AuditPart> audit,
                              List<AttestationPart> attestations) {
    public static final String FORMAT = "hsm-key-console-cluster";
    /**
     * 2 adds {@code attestations}; a version 1 document has none. 3 adds a key's {@code manageMValue}
     * (an older reader would lose it, so it refuses the document).
     */
    public static final int VERSION = 3;

    /** The nodes' last attestations; empty for a version 1 document, which did not carry them. */
    public List<AttestationPart> attestationsOrNone() {
        return attestations == null ? List.of() : attestations;
    }

    /** How the secrets are sealed, and a sealed constant that tells a wrong passphrase from damage. */
    public record Protection(String kdf, int iterations, String salt, String check) {
    }

    public record ClusterPart(String name, String hsmType, int keyCapacity, long createdAtMillis, long handleCounter,
                              long roundRobin) {
    }

    public record NodePart(int id, boolean online, long latencyMillis, String firmwareVersion, String firmwareMeasurement) {
    }

    public record UserPart(int id, String name, String type, String passwordHash, int loginFailures, String quorumPublicKey) {
    }

    public record KeyPart(long handle, int owner, int keyClass, int keyType, int sizeBytes, String label, String id,
                          long flags, String kcv, int mValue, int originNode, long createdAtMillis, List<Integer> sharedWith,
                          String material, Integer manageMValue) {
        /** The management quorum value; a document before version 3 had one m_value guarding both. */
        public int manageMValueOrMValue() {
            return manageMValue == null ? mValue : manageMValue;
        }
    }

    public record CopyPart(long handle, int node, Long availableAtMillis) {
    }

    public record IdentityPart(String name, String certificate, String privateKey) {
    }

    /** A node's last attestation: the client's verdict, as every process shows it (not secret). */
    public record AttestationPart(int nodeId, long timeMillis, boolean passed, String reason, String measured,
                                  String expected, String chains) {

        public static AttestationPart of(AttestationRecord r) {
            return new AttestationPart(r.nodeId(), r.timeMillis(), r.passed(), r.reason(), r.measuredHex(),
                    r.expectedHex(), r.chains());
        }

        public AttestationRecord record() {
            return new AttestationRecord(nodeId, timeMillis, passed, reason, measured, expected, chains);
        }
    }

    public record AuditPart(long seq, long timeMillis, int nodeId, int userId, String userName, String command,
                            String arguments, long resultCode, String previousHash, String hash) {
    }
}
