package io.hsmconsole.hsm;

import io.hsmconsole.model.UserType;
import io.hsmconsole.store.UserRecord;

import java.util.Optional;

/**
 * Who a key may be shared with: an existing crypto user other than the key's owner. genSymKey's
 * {@code -u}, unWrapKey/imSymKey's {@code -u}, CMU {@code shareKey} and the console's pickers
 * ({@link HsmSession#shareCandidates()}) all answer with these two rules.
 */
final class ShareRules {
    private ShareRules() {
    }

    /** Only crypto users receive shared keys. */
    static boolean receivesShares(UserType type) {
        return type == UserType.CU;
    }

    /** The same for a user read from the store; a user who does not exist receives nothing. */
    static boolean receivesShares(Optional<UserRecord> user) {
        return user.map(u -> receivesShares(u.type())).orElse(false);
    }

    /** Why a key owned by {@code ownerId} cannot be shared with this user, or empty. */
    static Optional<ReturnCode> whyNotShareWith(int ownerId, int userId, UserType userType) {
        if (userId == ownerId) {
            return Optional.of(ReturnCode.SHARE_WITH_OWNER);
        }
        return receivesShares(userType) ? Optional.empty() : Optional.of(ReturnCode.SHARE_USER_INVALID);
    }
}
