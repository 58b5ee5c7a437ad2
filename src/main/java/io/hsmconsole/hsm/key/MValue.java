package io.hsmconsole.hsm.key;

/**
 * The m_value (quorum) rules of a key, in one place: the simulator enforces them and the shells and
 * the console read them from here. A key needs {@code m} approvals per use or change once
 * {@code m >= 2}; the approvers are its owner and the users it is shared with, so {@code m} can be at
 * most 1 + that number, and never more than {@link #MAX} (reference §2, {@code -m_value <0..8>}).
 */
public final class MValue {
    /** The highest m_value genSymKey and unWrapKey accept. */
    public static final int MAX = 8;
    /** From this m_value on, every use and every change of the key needs approvals. */
    public static final int QUORUM_FROM = 2;

    private MValue() {
    }

    /** Whether a key with this m_value needs quorum approvals (m_value 0 and 1 do not). */
    public static boolean needsQuorum(int mValue) {
        return mValue >= QUORUM_FROM;
    }

    /** The highest m_value a key shared with {@code distinctSharedUsers} others may have. */
    public static int maxFor(int distinctSharedUsers) {
        return Math.min(MAX, 1 + distinctSharedUsers);
    }

    /** Whether a new key may have this m_value when shared with {@code distinctSharedUsers} others. */
    public static boolean isValid(int mValue, int distinctSharedUsers) {
        return mValue >= 0 && mValue <= maxFor(distinctSharedUsers);
    }

    /** Whether enough users can ever approve: false for a key whose m_value exceeds its approvers (M > N). */
    public static boolean isReachable(int mValue, int sharedUsers) {
        return !needsQuorum(mValue) || mValue <= 1 + sharedUsers;
    }
}
