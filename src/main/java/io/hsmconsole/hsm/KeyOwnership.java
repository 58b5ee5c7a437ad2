package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyFlags;
import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.store.KeyRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What only a key's owner may do: delete it ({@code deleteKey}) and share or unshare it
 * ({@code shareKey}). Both start from a key the crypto user sees ({@link HsmSession#withVisibleKey}),
 * and both check again inside the write what another process may have changed meanwhile.
 */
final class KeyOwnership {
    private final HsmCluster cluster;
    private final HsmSession session;

    KeyOwnership(HsmCluster cluster, HsmSession session) {
        this.cluster = cluster;
        this.session = session;
    }

    /** Only the owner, only a destroyable key; gone from every node at once. */
    HsmResult<Void> delete(long handle) {
        return session.withVisibleKey(handle, key -> {
            if (!session.isOwner(key)) {
                return session.fail(ReturnCode.KEY_ACCESS_DENIED, key);
            }
            if (!KeyFlags.has(key.flags(), Attribute.DESTROYABLE)) {
                return session.fail(ReturnCode.KEY_NOT_DESTROYABLE, key);
            }
            if (!HsmSession.isToken(key)) {
                session.keys().remove(handle);
                return session.ok(key, null);
            }
            HsmResult<Void> result = session.ok(key, null);
            boolean deleted = cluster.write(tx -> {
                // Checked again where it is done: another process may have made the key non-destroyable.
                boolean destroyable = tx.key(handle).filter(k -> KeyFlags.has(k.flags(), Attribute.DESTROYABLE)).isPresent();
                if (destroyable) {
                    tx.deleteKey(handle);
                }
                return destroyable;
            });
            if (deleted) {
                cluster.parsedKeys().forget(java.util.List.of(handle));
            }
            return deleted ? result : session.fail(ReturnCode.KEY_NOT_DESTROYABLE, key);
        });
    }

    /** The owner shares a token key with another crypto user, or stops; a quorum key needs approvals first. */
    HsmResult<Void> share(long handle, int userId, boolean share) {
        return session.withVisibleKey(handle, key -> {
            Optional<ReturnCode> notShareable = whyNotShare(key);
            if (notShareable.isPresent()) {
                return session.fail(notShareable.get(), key);
            }
            if (userId == session.user().id()) {
                return session.fail(ReturnCode.SHARE_WITH_OWNER, key);
            }
            if (share && !ShareRules.receivesShares(cluster.store().userById(userId))) {
                return session.fail(ReturnCode.SHARE_USER_INVALID, key); // anyone may be unshared, even a user since deleted
            }
            Optional<ReturnCode> noQuorum = session.quorum().useToken(QuorumService.MANAGE_KEY, key);
            if (noQuorum.isPresent()) {
                return session.fail(noQuorum.get(), key);
            }
            ReturnCode outcome = cluster.write(tx -> {
                if (share && !ShareRules.receivesShares(tx.userById(userId))) {
                    return ReturnCode.SHARE_USER_INVALID;
                }
                Optional<KeyRecord> current = tx.key(handle);
                if (current.isEmpty()) {
                    return ReturnCode.INVALID_HANDLE;
                }
                List<Integer> shares = new ArrayList<>(current.get().sharedWith());
                shares.remove(Integer.valueOf(userId));
                if (share) {
                    shares.add(userId);
                    shares.sort(null);
                }
                tx.updateKey(current.get().withSharedWith(shares));
                return ReturnCode.SUCCESS;
            });
            return outcome.isSuccess() ? session.ok(key, null) : session.fail(outcome, key);
        });
    }

    /** Whether this key may be shared at all, before a user is chosen (the answer {@link #share} gives first). */
    Optional<ReturnCode> whyNotShare(long handle) {
        return session.lookup(handle).filter(session::isVisible).map(this::whyNotShare)
                .orElse(Optional.of(ReturnCode.INVALID_HANDLE));
    }

    /** Only the owner shares a key, and only a token key (session keys live in one session). */
    private Optional<ReturnCode> whyNotShare(KeyRecord key) {
        if (!session.isOwner(key)) {
            return Optional.of(ReturnCode.KEY_ACCESS_DENIED);
        }
        return HsmSession.isToken(key) ? Optional.empty() : Optional.of(ReturnCode.SESSION_KEY_NOT_SHAREABLE);
    }
}
