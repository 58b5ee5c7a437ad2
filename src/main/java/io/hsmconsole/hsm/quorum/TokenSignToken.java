package io.hsmconsole.hsm.quorum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One token of SDK 5's token-sign quorum, as the cluster keeps it: whose it is, for which service,
 * when it was made, and the approval data the HSMs generated. Approvers sign the SHA-256 of the
 * approval data ({@link #digest()}, the token file's {@code token}) with RSASSA-PKCS1-v1_5, which is
 * what {@code openssl pkeyutl -sign -pkeyopt digest:sha256} makes of it.
 *
 * <p>{@code approvals} is how many verified approvals the HSM has seen for it (a guarded operation
 * that was refused after its approvals were verified leaves the token with them);
 * {@code approvedAtMillis} is when those approvals reached the service's quorum value (0 while they
 * have not): from then on the token lives the {@code approved} timeout instead of the
 * {@code generated} one (cloudhsm_cli-qm-token-set-tm.md).
 */
public record TokenSignToken(TokenSignService service, String username, long createdAtMillis, byte[] approvalData,
                             int approvals, long approvedAtMillis) {

    public TokenSignToken {
        approvalData = approvalData.clone();
    }

    /** A token as generated: no approvals yet. */
    public TokenSignToken(TokenSignService service, String username, long createdAtMillis, byte[] approvalData) {
        this(service, username, createdAtMillis, approvalData, 0, 0);
    }

    @Override
    public byte[] approvalData() {
        return approvalData.clone();
    }

    public byte[] digest() {
        return sha256(approvalData);
    }

    public boolean isApproved() {
        return approvedAtMillis > 0;
    }

    /** The token with {@code count} verified approvals seen at {@code nowMillis}; approved once they reach {@code required}. */
    public TokenSignToken withApprovals(int count, int required, long nowMillis) {
        long approvedAt = isApproved() ? approvedAtMillis : count >= required ? nowMillis : 0;
        return new TokenSignToken(service, username, createdAtMillis, approvalData, count, approvedAt);
    }

    /** When the token expires under {@code timeouts}: the generated timeout from its creation, or the approved one from its approval. */
    public long expiresAtMillis(TokenTimeouts timeouts) {
        return isApproved() ? approvedAtMillis + timeouts.approvedMillis() : createdAtMillis + timeouts.generatedMillis();
    }

    /** Whole seconds left at {@code nowMillis}; 0 once expired. */
    public long remainingSeconds(long nowMillis, TokenTimeouts timeouts) {
        return Math.max(0, (expiresAtMillis(timeouts) - nowMillis) / 1000);
    }

    public boolean isLive(long nowMillis, TokenTimeouts timeouts) {
        return nowMillis < expiresAtMillis(timeouts);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
