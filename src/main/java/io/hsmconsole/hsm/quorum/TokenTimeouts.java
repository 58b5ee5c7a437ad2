package io.hsmconsole.hsm.quorum;

/**
 * How long SDK 5's token-sign tokens live (cloudhsm_cli-qm-token-list-tm.md,
 * cloudhsm_cli-qm-token-set-tm.md): {@code generated}, the seconds a generated token has to be
 * approved, and {@code approved}, the seconds an approved token has to be used. Both are 600 on a new
 * cluster, as the list-timeouts page shows. A timeout is a whole number of seconds, at least
 * {@link #MIN_SECONDS} (a token that expires as it is made approves nothing) and at most
 * {@link #MAX_SECONDS} (ours: the pages give no bounds; an unsigned 32-bit number, as the tool's
 * argument parser would read it).
 */
public record TokenTimeouts(long generatedSeconds, long approvedSeconds) {
    public static final long DEFAULT_SECONDS = 600;
    public static final long MIN_SECONDS = 1;
    public static final long MAX_SECONDS = 0xFFFF_FFFFL;
    public static final TokenTimeouts DEFAULT = new TokenTimeouts(DEFAULT_SECONDS, DEFAULT_SECONDS);

    public TokenTimeouts {
        if (!isValid(generatedSeconds) || !isValid(approvedSeconds)) {
            throw new IllegalArgumentException("a token timeout is " + MIN_SECONDS + " to " + MAX_SECONDS + " seconds");
        }
    }

    public static boolean isValid(long seconds) {
        return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS;
    }

    public long generatedMillis() {
        return generatedSeconds * 1000;
    }

    public long approvedMillis() {
        return approvedSeconds * 1000;
    }

    public TokenTimeouts withGenerated(long seconds) {
        return new TokenTimeouts(seconds, approvedSeconds);
    }

    public TokenTimeouts withApproved(long seconds) {
        return new TokenTimeouts(generatedSeconds, seconds);
    }
}
