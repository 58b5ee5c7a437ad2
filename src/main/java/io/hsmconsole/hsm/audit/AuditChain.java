package io.hsmconsole.hsm.audit;

import io.hsmconsole.store.AuditRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The hash chain of the audit log: each record's hash covers its own fields and the previous
 * record's hash, so changing or removing any record breaks every link after it. Gaps in the
 * sequence, and records removed from the end, are found through the store's high-water mark.
 */
public final class AuditChain {
    private AuditChain() {
    }

    public static AuditRecord seal(long seq, byte[] previousHash, AuditEntry e) {
        AuditRecord unsealed = new AuditRecord(seq, e.timeMillis(), e.nodeId(), e.userId(), e.userName(), e.command(),
                e.arguments(), e.resultCode(), previousHash, null);
        return new AuditRecord(seq, e.timeMillis(), e.nodeId(), e.userId(), e.userName(), e.command(), e.arguments(),
                e.resultCode(), previousHash, hash(unsealed));
    }

    /**
     * SHA-256 over the fixed fields, each text with its length in front, and the previous hash. The
     * JDK's digest (CPU-accelerated where the JVM can) computes what BouncyCastle's did
     * (AuditChainKnownAnswerTest): a record is hashed once per write, so every audited command pays it.
     */
    static byte[] hash(AuditRecord r) {
        MessageDigest d = sha256();
        d.update(ByteBuffer.allocate(8 + 8 + 4 + 4 + 8).putLong(r.seq()).putLong(r.timeMillis()).putInt(r.nodeId())
                .putInt(r.userId()).putLong(r.resultCode()).array());
        for (String s : new String[]{r.userName(), r.command(), r.arguments()}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.update(ByteBuffer.allocate(4).putInt(b.length).array());
            d.update(b);
        }
        if (r.previousHash() != null) {
            d.update(r.previousHash());
        }
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The verdict on a whole log: intact, or the first record where the chain breaks and why. */
    public record Verification(boolean intact, long brokenAtSeq, String reason, long recordsChecked) {
    }

    /**
     * Checks records in seq order (all of them, from the first). {@code highWater} is the highest seq
     * the store ever assigned.
     */
    public static Verification verify(List<AuditRecord> records, long highWater) {
        byte[] previous = null;
        long expectedSeq = 1;
        for (AuditRecord r : records) {
            if (r.seq() != expectedSeq) {
                return new Verification(false, expectedSeq, "record " + expectedSeq + " is missing", expectedSeq - 1);
            }
            if (!Arrays.equals(r.previousHash(), previous)) {
                return new Verification(false, r.seq(), "record " + r.seq() + " does not follow the record before it", r.seq() - 1);
            }
            if (!Arrays.equals(r.hash(), hash(r))) {
                return new Verification(false, r.seq(), "record " + r.seq() + " was changed after it was written", r.seq() - 1);
            }
            previous = r.hash();
            expectedSeq++;
        }
        if (expectedSeq - 1 < highWater) {
            return new Verification(false, expectedSeq, "records " + expectedSeq + " to " + highWater
                    + " were removed from the end of the log", expectedSeq - 1);
        }
        return new Verification(true, 0, "", expectedSeq - 1);
    }
}
