package io.hsmconsole.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listings of one cluster's keys (every key a user can use, every copy) remembered with the value of
 * the cluster's key-change counter they were read at. The counter is moved by the store itself, inside
 * every transaction that changes a key, its shares or its copies (database triggers: no write path can
 * forget it), and a reader asks for it, in the same read and before the listing, at every call: so a
 * remembered listing is handed out only while no process and no machine has committed a change to the
 * keys since it was read — a cheap question to the store instead of a listing of 100,000 rows. A read
 * that raced a write remembers its rows under the older counter value, so the next call reads again.
 * At most {@link #ENTRIES} listings and {@link #ROWS} rows in all are kept (a listing of 100,000 keys
 * is 100,000 rows), the least recently used go first.
 */
public final class ListingCache {
    static final int ENTRIES = 32;
    static final int ROWS = 400_000;

    /** A read of the store that may fail as the backend's reads do. */
    @FunctionalInterface
    public interface Load<T, E extends Exception> {
        T load() throws E;
    }

    private record Entry(long keyChanges, List<?> listing) {
    }

    private final Map<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long rows;

    /**
     * The listing remembered for {@code key} at this counter value, or {@code load}'s, remembered.
     * {@code keyChanges} must have been read before {@code load} reads (or in the same snapshot).
     */
    @SuppressWarnings("unchecked")
    public <T extends List<?>, E extends Exception> T get(Object key, long keyChanges, Load<T, E> load) throws E {
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null && e.keyChanges() == keyChanges) {
                return (T) e.listing();
            }
        }
        T listing = load.load();
        synchronized (this) {
            Entry before = entries.put(key, new Entry(keyChanges, listing));
            rows += listing.size() - (before == null ? 0 : before.listing().size());
            Iterator<Entry> eldest = entries.values().iterator();
            while ((entries.size() > ENTRIES || rows > ROWS) && eldest.hasNext()) {
                rows -= eldest.next().listing().size();
                eldest.remove();
            }
        }
        return listing;
    }
}
