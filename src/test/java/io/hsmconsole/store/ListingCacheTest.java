package io.hsmconsole.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link ListingCache} patches a remembered listing from the change log and when it reads it whole,
 * over a table kept here (handle → creation order and label) with its own change log: the store
 * contract tests the same on both real backends; this one covers what they cannot make happen (a
 * counter that goes backwards) and counts the reads.
 */
class ListingCacheTest {
    private final TreeMap<Long, String> labels = new TreeMap<>();
    private final TreeMap<Long, Long> orders = new TreeMap<>();
    /** The log: for each counter value from 1, the key it changed. */
    private final List<Long> log = new ArrayList<>();
    private long floor;
    private final List<String> reads = new ArrayList<>();
    private final ListingCache cache = new ListingCache();

    private void put(long handle, long order, String label) {
        labels.put(handle, label);
        orders.put(handle, order);
        log.add(handle);
    }

    private void delete(long handle) {
        labels.remove(handle);
        orders.remove(handle);
        log.add(handle);
    }

    private List<String> listing() {
        ListingCache.KeyChanges now = new ListingCache.KeyChanges(log.size(), floor);
        return cache.get("labels", now, false, (since, withCopies, limit) -> {
            if (since < floor) {
                return null;
            }
            return log.subList((int) since, log.size()).stream().distinct().sorted().mapToLong(Long::longValue)
                    .limit(limit + 1L).toArray();
        }, among -> {
            reads.add(among == null ? "whole" : Arrays.toString(among));
            Listing.Builder<String> rows = Listing.ordered();
            orders.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
                    .filter(e -> among == null || Arrays.binarySearch(among, e.getKey()) >= 0)
                    .forEach(e -> rows.add(e.getKey(), e.getValue(), labels.get(e.getKey())));
            return rows.build();
        });
    }

    @Test
    void aChangeIsPatchedInAtItsPlaceAndTheOtherRowsStayTheSameObjects() {
        put(1, 10, "a");
        put(2, 20, "b");
        put(3, 30, "c");
        List<String> first = listing();

        put(2, 20, "B");
        put(4, 5, "first");
        delete(3);
        List<String> second = listing();

        assertThat(second).containsExactly("first", "a", "B");
        assertThat(second.get(1)).isSameAs(first.get(0));
        assertThat(reads).containsExactly("whole", "[2, 3, 4]");
        assertThat(listing()).as("nothing changed: no read").containsExactlyElementsOf(second);
        assertThat(reads).hasSize(2);
    }

    @Test
    void aCounterThatWentBackIsAClusterMadeAnewAndIsReadWhole() {
        put(1, 10, "a");
        put(2, 20, "b");
        listing();

        log.clear();
        labels.clear();
        orders.clear();
        put(7, 1, "new");

        assertThat(listing()).containsExactly("new");
        assertThat(reads).containsExactly("whole", "whole");
    }

    @Test
    void aListingOlderThanTheLogIsReadWhole() {
        put(1, 10, "a");
        listing();
        put(1, 10, "A");
        put(2, 20, "b");
        floor = 2; // the change to key 1 was trimmed away

        assertThat(listing()).containsExactly("A", "b");
        assertThat(reads).containsExactly("whole", "whole");
    }

    @Test
    void moreChangedKeysThanItPatchesAreReadWhole() {
        put(1, 10, "a");
        listing();
        for (long h = 2; h <= ListingCache.MOST_PATCHED + 2; h++) {
            put(h, h * 10, "k" + h);
        }

        assertThat(listing()).hasSize(ListingCache.MOST_PATCHED + 2);
        assertThat(reads).containsExactly("whole", "whole");
    }

    @Test
    void anUnorderedListingGetsItsChangedRowsAtTheEnd() {
        Listing<String> copies = Listing.<String>unordered().add(1, 0, "1@0").add(1, 0, "1@1").add(2, 0, "2@0").build();
        Listing<String> fresh = Listing.<String>unordered().add(1, 0, "1@0").add(1, 0, "1@2").build();

        assertThat(copies.patched(new long[] {1, 3}, fresh).rows()).containsExactly("2@0", "1@0", "1@2");
    }
}
