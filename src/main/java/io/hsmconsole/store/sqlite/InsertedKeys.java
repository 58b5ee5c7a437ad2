package io.hsmconsole.store.sqlite;

import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The keys one write transaction inserted, each with the value the key-change counter took once it
 * was written, so that the store can remember them as read at that value once — and only once — the
 * transaction has committed. A key is usually read right after it is made (pkcs11-tool reads the new
 * key's attributes, the PKCS#11 endpoint checks its flags); without this, that first read is a query,
 * a second one for its shares, one for its copies and the material's decryption.
 *
 * <p>The record is kept as a read would return it: shares in user order, copies in node order, the
 * material a copy of its own. A key whose shared write was rolled back to its savepoint is dropped
 * ({@link #dropAfter}); a transaction that does not commit hands nothing on.
 */
final class InsertedKeys {
    /** A key as written, its copies, and the key-change counter right after. */
    record Inserted(KeyRecord key, List<KeyCopy> copies, long keyChanges) {
    }

    private static final Comparator<KeyCopy> BY_NODE = Comparator.comparingInt(KeyCopy::nodeId);
    private final List<Inserted> inserted = new ArrayList<>();

    void add(KeyRecord key, List<KeyCopy> copies, long keyChanges) {
        // Plain loops and sorts, no streams: this runs in every key's create, often in a young JVM.
        List<Integer> shares = new ArrayList<>(new TreeSet<>(key.sharedWith()));
        KeyRecord asRead = key.toBuilder().sharedWith(shares).material(key.material().clone()).build();
        List<KeyCopy> byNode = new ArrayList<>(copies);
        byNode.sort(BY_NODE);
        inserted.add(new Inserted(asRead, List.copyOf(byNode), keyChanges));
    }

    /** How many are kept now: a mark for {@link #dropAfter}. */
    int count() {
        return inserted.size();
    }

    /** Forgets the keys added after {@code mark} (their savepoint was rolled back). */
    void dropAfter(int mark) {
        inserted.subList(mark, inserted.size()).clear();
    }

    List<Inserted> all() {
        return List.copyOf(inserted);
    }
}
