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
        try (ClusterStore fresh = freshOpen.get()) {
            table = fresh.listKeys(KeyFilter.all());
        }
        assertThat(kept.listKeys(KeyFilter.all())).extracting(KeyRecord::handle).as("every key")
                .containsExactlyElementsOf(handles(table, k -> true));
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
            assertThat(listed).as("listed records, user %d", user).allSatisfy(k -> {
                KeyRecord whole = table.stream().filter(t -> t.handle() == k.handle()).findFirst().orElseThrow();
                assertThat(k.label()).isEqualTo(whole.label());
                assertThat(k.sharedWith()).isEqualTo(whole.sharedWith());
                assertThat(k.ownerId()).isEqualTo(whole.ownerId());
            });
            for (String label : labels) {
                assertThat(kept.findKeys(new KeyFilter(user, null, null, label, null, null, List.of()).orAnyPublicKey()))
                        .as("findKeys -l %s, user %d", label, user)
                        .containsExactlyElementsOf(handles(table, orPublic.and(k -> k.label().equals(label))));
            }
        }
    }

    private static List<Long> handles(List<KeyRecord> table, Predicate<KeyRecord> which) {
        return table.stream().filter(which).map(KeyRecord::handle).toList();
    }
}
