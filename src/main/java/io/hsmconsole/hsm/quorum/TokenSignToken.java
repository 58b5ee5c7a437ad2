package io.hsmconsole.hsm.quorum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One token of SDK 5's token-sign quorum, as the cluster keeps it: whose it is, for which service,
 * when it was made, and the approval data the HSMs generated. Approvers sign the SHA-256 of the
 * approval data ({@link #digest()}, the token file's {@code token}) with RSASSA-PKCS1-v1_5, which is
 * what {@code openssl pkeyutl -sign -pkeyopt digest:sha256} makes of it.
 */
public record TokenSignToken(TokenSignService service, String username, long createdAtMillis, byte[] approvalData) {
    /** How long a token lives: 600 seconds, as quorum token-sign list-timeouts shows for generated tokens. */
    public static final long TIMEOUT_SECONDS = 600;

    public TokenSignToken {
        approvalData = approvalData.clone();
    }

    @Override
    public byte[] approvalData() {
        return approvalData.clone();
    }

    public byte[] digest() {
        return sha256(approvalData);
    }

    /** Whole seconds left of {@code timeoutMillis} at {@code nowMillis}; 0 once expired. */
    public long remainingSeconds(long nowMillis, long timeoutMillis) {
        return Math.max(0, (createdAtMillis + timeoutMillis - nowMillis) / 1000);
    }

    public boolean isLive(long nowMillis, long timeoutMillis) {
        return nowMillis < createdAtMillis + timeoutMillis;
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
