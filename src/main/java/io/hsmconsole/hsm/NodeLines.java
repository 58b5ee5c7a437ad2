package io.hsmconsole.hsm;

import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.NodeRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the per-node answers of a command. The node that served answers first, then the others
 * in id order (the order AWS's examples show); an offline node answers {@code 0x30000085}.
 */
final class NodeLines {
    private NodeLines() {
    }

    /** Every node answers with {@code code} (offline ones are unavailable). */
    static List<NodeResult> all(List<NodeRecord> nodes, int servingNode, ReturnCode code) {
        List<NodeResult> lines = new ArrayList<>();
        for (NodeRecord n : servingFirst(nodes, servingNode)) {
            lines.add(new NodeResult(n.id(), n.online() ? code : ReturnCode.SERVER_UNAVAILABLE));
        }
        return lines;
    }

    /**
     * For a command on one key: nodes holding it answer {@code code}, online nodes without it
     * answer "invalid handle", offline nodes "unavailable". An online node still receiving the key
     * (its copy is on the way) is not listed: it has not answered yet, as in the block of a create
     * that {@code -min_srv} let return early. The AWS pages never show a node answering 0xa8 for a key
     * its owner just made.
     */
    static List<NodeResult> forKey(List<NodeRecord> nodes, int servingNode, List<KeyCopy> copies, long now,
                                   ReturnCode code) {
        return forKey(nodes, servingNode, copies, now, code, false);
    }

    /**
     * A question put to every node about the key (getKeyInfo, findSingleKey, the tool's
     * {@code Checking key status} poll): a node still receiving it answers that it has no such key.
     */
    static List<NodeResult> askingEveryNode(List<NodeRecord> nodes, int servingNode, List<KeyCopy> copies, long now,
                                            ReturnCode code) {
        return forKey(nodes, servingNode, copies, now, code, true);
    }

    private static List<NodeResult> forKey(List<NodeRecord> nodes, int servingNode, List<KeyCopy> copies, long now,
                                           ReturnCode code, boolean receivingAnswers) {
        List<NodeResult> lines = new ArrayList<>();
        for (NodeRecord n : servingFirst(nodes, servingNode)) {
            ReturnCode answer;
            if (!n.online()) {
                answer = ReturnCode.SERVER_UNAVAILABLE;
            } else if (copies.stream().anyMatch(c -> c.nodeId() == n.id() && c.heldAt(now))) {
                answer = code;
            } else if (!receivingAnswers && copies.stream().anyMatch(c -> c.nodeId() == n.id())) {
                continue; // still receiving it
            } else {
                answer = ReturnCode.INVALID_HANDLE;
            }
            lines.add(new NodeResult(n.id(), answer));
        }
        return lines;
    }

    /**
     * For a new key: the nodes that hold it, the generating node first and then the others in id
     * order (imSymKey.md: 1, 0, 2), then the offline nodes. Online nodes still receiving it (when
     * {@code -min_srv} let the command return early) have not answered yet.
     */
    static List<NodeResult> forNewKey(List<NodeRecord> nodes, int servingNode, List<KeyCopy> copies, long now,
                                      ReturnCode code) {
        List<NodeResult> lines = new ArrayList<>();
        copies.stream().filter(c -> c.heldAt(now))
                .sorted(Comparator.comparing((KeyCopy c) -> c.nodeId() != servingNode)
                        .thenComparingInt(KeyCopy::nodeId))
                .forEach(c -> lines.add(new NodeResult(c.nodeId(), code)));
        for (NodeRecord n : nodes) {
            if (!n.online()) {
                lines.add(new NodeResult(n.id(), ReturnCode.SERVER_UNAVAILABLE));
            }
        }
        return lines;
    }

    static List<NodeRecord> servingFirst(List<NodeRecord> nodes, int servingNode) {
        List<NodeRecord> ordered = new ArrayList<>();
        nodes.stream().filter(n -> n.id() == servingNode).forEach(ordered::add);
        nodes.stream().filter(n -> n.id() != servingNode).forEach(ordered::add);
        return ordered;
    }
}
