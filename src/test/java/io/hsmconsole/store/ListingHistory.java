package io.hsmconsole.store;

import io.hsmconsole.hsm.HsmCluster;
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
 * A random history of what changes a listing, made on machine A by a few crypto users through the
 * simulator — secret keys and EC pairs with labels from a small set (so labels repeat), shares and
 * unshares, relabels and deletes of the user's own keys, a node taken offline and back (its copies
 * pending, then scheduled: copies alone change), a node added and removed (every key's copies at once)
 * — and through A's store directly, as another program of the team would write: a key's flags changed,
 * a key handed to another owner and put back at another place in creation order (it leaves one
 * user's listing and enters another's), and, once, a burst of changes to one key that pushes the change
 * log past what it keeps ({@link KeyChangeLog#KEPT}) right after a change to another key. Every step
 * must succeed.
 */
final class ListingHistory {
    private static final List<String> LABELS = List.of("red", "green", "blue");

    private final HsmCluster cluster;
    private final List<HsmSession> users;
    private final ClusterStore direct;
    /** Token keys made so far and not deleted: handle and owner's index. */
    private final List<long[]> keys = new ArrayList<>();
    private Integer addedNode;
    private int handedOver;
    private boolean nodeOffline;

    ListingHistory(HsmCluster cluster, List<HsmSession> users, ClusterStore direct) {
        this.cluster = cluster;
        this.users = users;
        this.direct = direct;
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
        int what = own.isEmpty() ? 0 : random.nextInt(15);
        String label = LABELS.get(random.nextInt(LABELS.size()));
        if (what <= 3) {
            long h = user.generateSymmetricKey(GenSymKeyRequest.of(31, 16, label)).value().handle();
            keys.add(new long[] {h, who});
        } else if (what == 4) {
            var pair = user.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled(label)), SyncObserver.NONE).value();
            keys.add(new long[] {pair.publicHandle(), who});
            keys.add(new long[] {pair.privateHandle(), who});
        } else if (what == 10) {
            toggleNodeOnline();
        } else if (what == 11) {
            addOrRemoveNode();
        } else {
            long[] key = own.get(random.nextInt(own.size()));
            int otherIndex = (who + 1 + random.nextInt(users.size() - 1)) % users.size();
            int other = users.get(otherIndex).user().id();
            switch (what) {
                case 12 -> flipFlag(key[0], random);
                case 13 -> handOver(key, otherIndex);
                default -> {
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
    }

    /**
     * A visible change (a key relabelled, or made when there is none), then so many changes to another
     * key in one transaction that the change log no longer holds the first: a listing read before both
     * must not be patched from what is left.
     */
    void changeThenOverflowTheLog(SplittableRandom random) {
        step(random);
        while (keys.size() < 2) {
            step(random);
        }
        long[] first = keys.get(random.nextInt(keys.size()));
        HsmSession owner = users.get((int) first[1]);
        assertThat(owner.setAttribute(first[0], Attribute.LABEL, 0, "relabelled-" + random.nextInt(1000)).code())
                .isEqualTo(ReturnCode.SUCCESS);
        long other = keys.stream().filter(k -> k[0] != first[0]).findFirst().orElseThrow()[0];
        direct.write(tx -> {
            KeyRecord k = tx.key(other).orElseThrow();
            // each update moves the counter at least once on both backends
            for (int i = 0; i <= 2 * KeyChangeLog.KEPT; i++) {
                tx.updateKey(k.withFlags(k.flags() ^ (i % 2 == 0 ? 1L << 40 : 0)));
            }
            return null;
        });
    }

    /** An attribute change written to the store as any program of the team may: a flag bit flipped. */
    private void flipFlag(long handle, SplittableRandom random) {
        long bit = 1L << (40 + random.nextInt(8));
        direct.write(tx -> {
            tx.key(handle).ifPresent(k -> tx.updateKey(k.withFlags(k.flags() ^ bit)));
            return null;
        });
    }

    /**
     * The key deleted and put back, with its copies, under another owner (not shared with the new owner)
     * and first in creation order (a place no other key has: a tie's order is the backend's): it leaves
     * its owner's listing and enters the other's.
     */
    private void handOver(long[] key, int otherIndex) {
        int newOwner = users.get(otherIndex).user().id();
        long seq = -1 - handedOver++;
        direct.write(tx -> {
            KeyRecord k = tx.key(key[0]).orElseThrow();
            List<KeyCopy> copies = tx.copies(key[0]);
            tx.deleteKey(key[0]);
            List<Integer> shares = k.sharedWith().stream().filter(u -> u != newOwner).toList();
            tx.restoreKey(k.toBuilder().ownerId(newOwner).sharedWith(shares).build(), copies, seq);
            return null;
        });
        key[1] = otherIndex;
    }

    /** Node 2 offline (new keys' copies pending there) or back (the pending copies scheduled): copies alone change. */
    private void toggleNodeOnline() {
        nodeOffline = !nodeOffline;
        assertThat(cluster.setNodeOnline(2, !nodeOffline).code()).isEqualTo(ReturnCode.SUCCESS);
    }

    /** A node added (every held key copied to it) or the added node removed (its copies gone). */
    private void addOrRemoveNode() {
        if (addedNode == null) {
            addedNode = cluster.addNode(0).value();
        } else {
            assertThat(cluster.removeNode(addedNode).code()).isEqualTo(ReturnCode.SUCCESS);
            addedNode = null;
        }
    }
}
