package io.hsmconsole.store;

import io.hsmconsole.model.KeyClass;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a listing must give, worked out here from the whole key table as a freshly opened store reads
 * it (no remembered listing, no per-user query): a user can use the keys they own, the keys shared with
 * them and — findKey's "all public keys in the HSMs" — every public key, in creation order.
 */
final class ListingOracle {
    private ListingOracle() {
    }

    /** Compares every listing form of {@code kept} with the whole table read by a fresh open, for each user and label. */
    static void assertListingsMatch(ClusterStore kept, Supplier<ClusterStore> freshOpen, List<Integer> users,
                                    List<String> labels) {
        List<KeyRecord> table;
        List<KeyCopy> copies;
        try (ClusterStore fresh = freshOpen.get()) {
            table = fresh.listKeys(KeyFilter.all());
            copies = fresh.allCopies();
        }
        List<KeyRecord> every = kept.listKeys(KeyFilter.all());
        assertThat(every).extracting(KeyRecord::handle).as("every key").containsExactlyElementsOf(handles(table, k -> true));
        assertThat(every).extracting(ListingOracle::listed).as("every key's listed fields")
                .containsExactlyElementsOf(table.stream().map(ListingOracle::listed).toList());
        assertThat(kept.allCopies()).as("every copy").containsExactlyInAnyOrderElementsOf(copies);
        for (int user : users) {
            Predicate<KeyRecord> usable = k -> k.ownerId() == user || k.sharedWith().contains(user);
            Predicate<KeyRecord> orPublic = usable.or(k -> k.keyClass() == KeyClass.PUBLIC_KEY);
            KeyFilter own = KeyFilter.visibleTo(user);
            assertThat(kept.findKeys(own)).as("findKeys, user %d", user).containsExactlyElementsOf(handles(table, usable));
            assertThat(kept.findKeys(own.orAnyPublicKey())).as("findKeys with public keys, user %d", user)
                    .containsExactlyElementsOf(handles(table, orPublic));
            List<KeyRecord> listed = kept.listKeys(own.orAnyPublicKey());
            assertThat(listed).extracting(KeyRecord::handle).as("listKeys with public keys, user %d", user)
                    .containsExactlyElementsOf(handles(table, orPublic));
            assertThat(listed).extracting(ListingOracle::listed).as("listed records, user %d", user)
                    .containsExactlyElementsOf(table.stream().filter(orPublic).map(ListingOracle::listed).toList());
            List<KeyWithCopies> withCopies = kept.listKeysWithCopies(own.orAnyPublicKey());
            assertThat(withCopies).extracting(k -> listed(k.key())).as("listed with copies, user %d", user)
                    .containsExactlyElementsOf(table.stream().filter(orPublic).map(ListingOracle::listed).toList());
            assertThat(withCopies).as("each key's copies, user %d", user).allSatisfy(k -> assertThat(k.copies())
                    .containsExactlyInAnyOrderElementsOf(copies.stream().filter(c -> c.handle() == k.key().handle()).toList()));
            for (String label : labels) {
                assertThat(kept.findKeys(new KeyFilter(user, null, null, label, null, null, List.of()).orAnyPublicKey()))
                        .as("findKeys -l %s, user %d", label, user)
                        .containsExactlyElementsOf(handles(table, orPublic.and(k -> k.label().equals(label))));
            }
        }
    }

    /** What a listing shows of a key (a listed record has no material). */
    private static List<Object> listed(KeyRecord k) {
        return List.of(k.handle(), k.label(), k.id(), k.ownerId(), k.sharedWith(), k.keyClass(), k.keyType(), k.flags(),
                k.mValue(), k.sizeBytes());
    }

    private static List<Long> handles(List<KeyRecord> table, Predicate<KeyRecord> which) {
        return table.stream().filter(which).map(KeyRecord::handle).toList();
    }
}
