package io.hsmconsole.store;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A random history of what changes a listing, made through the simulator by a few crypto users:
 * secret keys and EC pairs with labels from a small set (so labels repeat), shares and unshares,
 * relabels and deletes of the user's own keys. Every step must succeed.
 */
final class ListingHistory {
    private static final List<String> LABELS = List.of("red", "green", "blue");

    private final List<HsmSession> users;
    /** Token keys made so far and not deleted, with their owner's index. */
    private final List<long[]> keys = new ArrayList<>();

    ListingHistory(List<HsmSession> users) {
        this.users = users;
    }

    List<Integer> userIds() {
        return users.stream().map(u -> u.user().id()).toList();
    }

    List<String> labels() {
        return LABELS;
    }

    void step(SplittableRandom random) {
        int who = random.nextInt(users.size());
        HsmSession user = users.get(who);
        List<long[]> own = keys.stream().filter(k -> k[1] == who).toList();
        int what = own.isEmpty() ? 0 : random.nextInt(10);
        String label = LABELS.get(random.nextInt(LABELS.size()));
        if (what <= 3) {
            long h = user.generateSymmetricKey(GenSymKeyRequest.of(31, 16, label)).value().handle();
            keys.add(new long[] {h, who});
        } else if (what == 4) {
            var pair = user.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled(label)), SyncObserver.NONE).value();
            keys.add(new long[] {pair.publicHandle(), who});
            keys.add(new long[] {pair.privateHandle(), who});
        } else {
            long[] key = own.get(random.nextInt(own.size()));
            int other = users.get((who + 1 + random.nextInt(users.size() - 1)) % users.size()).user().id();
            ReturnCode done = switch (what) {
                case 5, 6 -> user.shareKey(key[0], other, true).code();
                case 7 -> user.shareKey(key[0], other, false).code();
                case 8 -> user.setAttribute(key[0], Attribute.LABEL, 0, label).code();
                default -> {
                    keys.remove(key);
                    yield user.deleteKey(key[0]).code();
                }
            };
            assertThat(done).as("step %d on key %d", what, key[0]).isEqualTo(ReturnCode.SUCCESS);
        }
    }
}
