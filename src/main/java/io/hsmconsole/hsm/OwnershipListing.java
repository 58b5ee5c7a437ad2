package io.hsmconsole.hsm;

import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.hsm.key.NodeKeyList;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.NodeRecord;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Who owns and shares what, node by node (CMU {@code findAllKeys}). The hash covers every token key
 * a node holds with its owner and shared users, in handle order, so two nodes with the same hash
 * agree on ownership — the check CloudHSM documents for "are my HSMs in sync".
 */
final class OwnershipListing {
    private final HsmCluster cluster;

    OwnershipListing(HsmCluster cluster) {
        this.cluster = cluster;
    }

    HsmResult<List<NodeKeyList>> findAllKeys(int userId, boolean withHash, int serving) {
        long now = cluster.clock().nowMillis();
        Map<Long, KeyRecord> keys = new HashMap<>();
        for (KeyRecord k : cluster.store().listKeys(KeyFilter.all())) {
            keys.put(k.handle(), k);
        }
        Map<Integer, List<Long>> heldByNode = new HashMap<>();
        for (KeyCopy c : cluster.store().allCopies()) {
            if (c.heldAt(now)) {
                heldByNode.computeIfAbsent(c.nodeId(), n -> new ArrayList<>()).add(c.handle());
            }
        }
        List<NodeRecord> nodes = cluster.nodeRecords();
        List<NodeKeyList> lists = new ArrayList<>();
        for (NodeRecord n : NodeLines.servingFirst(nodes, serving)) {
            if (!n.online()) {
                continue;
            }
            List<Long> held = new ArrayList<>(heldByNode.getOrDefault(n.id(), List.of()));
            held.sort(null);
            // Listed in the HSM's order, the order the keys were made in, not by number:
            // cloudhsm_mgmt_util-findAllKeys.md prints 8(s),9(s),17,262162(s),19,31.
            List<Long> inHsmOrder = new ArrayList<>(held);
            inHsmOrder.sort(Comparator.comparingLong(Handles::counterOf));
            List<NodeKeyList.Entry> entries = new ArrayList<>();
            for (long h : inHsmOrder) {
                KeyRecord k = keys.get(h);
                if (k != null && (k.ownerId() == userId || k.sharedWith().contains(userId))) {
                    entries.add(new NodeKeyList.Entry(h, k.ownerId() == userId));
                }
            }
            String hash = withHash && !entries.isEmpty() ? hash(held, keys) : null;
            lists.add(new NodeKeyList(n.id(), entries, hash));
        }
        return HsmResult.ok(lists, NodeLines.all(nodes, serving, ReturnCode.SUCCESS));
    }

    private static String hash(List<Long> held, Map<Long, KeyRecord> keys) {
        SHA256Digest d = new SHA256Digest();
        for (long h : held) {
            KeyRecord k = keys.get(h);
            if (k == null) {
                continue;
            }
            ByteBuffer b = ByteBuffer.allocate(8 + 4 + 4 + 4 * k.sharedWith().size());
            b.putLong(h).putInt(k.ownerId()).putInt(k.sharedWith().size());
            k.sharedWith().forEach(b::putInt);
            d.update(b.array(), 0, b.position());
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
