package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.ListingCache;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One call's look at the key-change counter, shared by all its reads of single keys and their copies
 * ({@link SqliteClusterStore#withOneKeyCheck}). A PKCS#11 signature with a token key read the key or its
 * copies six times (C_SignInit: the key, its copies for the availability check and again for the per-node
 * answer; C_Sign: the key for the signature's length, the key for the signature, its copies for the
 * per-node answer), and although each row came from the store's memory ({@code singleKeys}), each read
 * asked SQLite for the counter first: a statement with its file locks, about as long as the signature.
 *
 * <p>Inside a call the counter is read once, at the call's first key read, and the call's later key reads
 * use that value, as if they were one read. It is read again after any commit through this process's
 * connection (this thread's own writes or another's, counted by {@link SqliteDatabase#localCommits}), so a
 * call that changes a key and reads it back sees its change. A commit of another process during the call
 * is seen by the next call: each call still looks at the counter once, so a key another process deleted or
 * changed is never used after the call that could see it. Outside a call, every read looks as before.
 */
final class OneKeyCheck {
    /** This thread's call: how deep it is nested, the counter it saw, and the local commits then. */
    private static final class Look {
        int depth;
        ListingCache.KeyChanges seen;
        long localCommits;
    }

    private final ThreadLocal<Look> looks = ThreadLocal.withInitial(Look::new);

    /** Runs {@code call} as one call; a call within a call is part of the outer one. */
    <T> T during(Supplier<T> call) {
        Look look = looks.get();
        look.depth++;
        try {
            return call.get();
        } finally {
            if (--look.depth == 0) {
                look.seen = null;
            }
        }
    }

    /**
     * The counter for a key read: read with {@code read} outside a call, at the call's first key read, and
     * after a local commit; else the value the call saw. {@code localCommits} is read before the counter, so a
     * commit racing the counter's read moves it and the next read looks again.
     */
    ListingCache.KeyChanges keyChanges(long localCommits, SqliteDatabase.SqlWork<ListingCache.KeyChanges> read)
            throws SQLException {
        Look look = looks.get();
        if (look.depth == 0) {
            return read.run();
        }
        if (look.seen == null || look.localCommits != localCommits) {
            look.localCommits = localCommits;
            look.seen = read.run();
        }
        return look.seen;
    }
}
