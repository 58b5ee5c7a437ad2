package io.hsmconsole.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listings of one cluster's keys (every key a user can use, every copy) remembered with the value of
 * the cluster's key-change counter they were read at, and brought up to date by what changed since.
 *
 * <p>The counter is moved by the store itself, inside every transaction that changes a key, its shares
 * or its copies (database triggers: no write path can forget it), and the same triggers write the
 * changed key's handle to the change log ({@link KeyChangeLog}) under the counter's new value. A reader
 * asks for the counter, in the same read and before the listing, at every call. While it is the value a
 * listing was read at, the listing is handed out as it is — a cheap question to the store instead of a
 * listing of 100,000 rows. When it moved, the reader asks the log which keys changed since and reads
 * only their rows ({@link Listing#patched}); it reads the whole listing again when the log no longer
 * reaches back that far (it keeps {@link KeyChangeLog#KEPT} changes), when too many keys changed, or
 * when the counter went backwards (a cluster made anew). A read that raced a write remembers its rows
 * under the older counter value, so the next call reads what changed after it again.
 *
 * <p>At most {@link #ENTRIES} listings and {@link #ROWS} rows in all are kept (a listing of 100,000 keys
 * is 100,000 rows), the least recently used go first.
 */
public final class ListingCache {
    static final int ENTRIES = 32;
    static final int ROWS = 400_000;
    /** More keys changed than this since a listing was read, and it is read whole (one query, not two). */
    static final int MOST_PATCHED = 4_096;

    private static final AtomicLong WHOLE_READS = new AtomicLong();
    private static final AtomicLong PATCHES = new AtomicLong();

    /** The cluster's key-change counter and the value from which its change log is complete. */
    public record KeyChanges(long counter, long logFloor) {
    }

    /** The change log of a store, read as {@link KeyChangeLog} says. */
    @FunctionalInterface
    public interface ChangeLog<E extends Exception> {
        /**
         * The handles of the keys changed after counter value {@code since} (with {@code withCopies}, also
         * those whose copies alone changed), sorted and distinct, at most {@code limit + 1} of them; null
         * when the log no longer reaches back to {@code since}.
         */
        long[] changedSince(long since, boolean withCopies, int limit) throws E;
    }

    /** A listing's read: every row ({@code among} null), or only the rows of these keys (sorted). */
    @FunctionalInterface
    public interface Rows<T, E extends Exception> {
        Listing<T> read(long[] among) throws E;
    }

    /** A read of the store that may fail as the backend's reads do. */
    @FunctionalInterface
    public interface Load<T, E extends Exception> {
        T load() throws E;
    }

    /**
     * A small list remembered while the counter is unchanged (one key's record, its copies), read again
     * whole when it moved: no log question for what costs one indexed read anyway.
     */
    public <T, E extends Exception> List<T> get(Object key, KeyChanges now, Load<List<T>, E> load) throws E {
        return get(key, now, true, (since, withCopies, limit) -> null, among -> {
            Listing.Builder<T> rows = Listing.unordered();
            for (T row : load.load()) {
                rows.add(0, 0, row);
            }
            return rows.build();
        });
    }

    /**
     * Remembers a small list (one key's record, its copies) as read at counter value {@code keyChanges}:
     * for a writer that has just committed exactly these rows and read the counter its own change left.
     */
    public <T> void put(Object key, long keyChanges, List<T> rows) {
        Listing.Builder<T> listing = Listing.unordered();
        for (T row : rows) {
            listing.add(0, 0, row);
        }
        remember(key, keyChanges, listing.build());
    }

    private record Entry(long keyChanges, Listing<?> listing) {
    }

    private final Map<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long rows;

    /**
     * The listing of {@code key} as of {@code now} (read before any of its rows, or in their snapshot):
     * the one remembered if nothing changed since, else the remembered one patched from the log, else
     * {@code rows}' whole read. {@code followsCopies}: the listing holds copies, so a change to a key's
     * copies alone changes it.
     */
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> List<T> get(Object key, KeyChanges now, boolean followsCopies, ChangeLog<E> log,
                                                Rows<T, E> read) throws E {
        Entry e;
        synchronized (this) {
            e = entries.get(key);
        }
        if (e != null && e.keyChanges() == now.counter()) {
            return ((Listing<T>) e.listing()).rows();
        }
        Listing<T> listing = null;
        if (e != null && e.keyChanges() < now.counter() && e.keyChanges() >= now.logFloor()) {
            long[] changed = log.changedSince(e.keyChanges(), followsCopies, MOST_PATCHED);
            if (changed != null && changed.length <= MOST_PATCHED) {
                Listing<T> old = (Listing<T>) e.listing();
                // nothing of this listing changed (a copy, for a listing of keys): the same rows, under the new value
                listing = changed.length == 0 ? old : old.patched(changed, read.read(changed));
                PATCHES.incrementAndGet();
            }
        }
        if (listing == null) {
            listing = read.read(null);
            WHOLE_READS.incrementAndGet();
        }
        remember(key, now.counter(), listing);
        return listing.rows();
    }

    private synchronized void remember(Object key, long keyChanges, Listing<?> listing) {
        Entry before = entries.get(key);
        if (before != null && before.keyChanges() > keyChanges) {
            return; // a racing reader brought it further already
        }
        entries.put(key, new Entry(keyChanges, listing));
        rows += listing.size() - (before == null ? 0 : before.listing().size());
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > ENTRIES || rows > ROWS) && eldest.hasNext()) {
            rows -= eldest.next().listing().size();
            eldest.remove();
        }
    }

    /** Listings read whole by every cache of this process so far (the benchmark and the tests report it). */
    public static long wholeReads() {
        return WHOLE_READS.get();
    }

    /** Listings brought up to date from the change log by every cache of this process so far. */
    public static long patches() {
        return PATCHES.get();
    }
}
