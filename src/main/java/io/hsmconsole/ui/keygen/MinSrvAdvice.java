package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ClusterSnapshot;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.ui.common.Messages;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the form says about {@code -min_srv} given the nodes as the simulator reports them now: the
 * hint (how many HSMs the cluster has and which are offline), a warning - not a refusal: the HSM
 * accepts it and waits - when more HSMs are asked for than are online, and, while genSymKey waits,
 * which nodes still lack the key and why.
 */
final class MinSrvAdvice {
    private final Messages messages;

    MinSrvAdvice(Messages messages) {
        this.messages = messages;
    }

    /** The field's hint: the cluster's size, and the offline nodes when there are any. */
    String hint(int clusterSize, ClusterSnapshot nodes) {
        String hint = messages.format("keygen.minSrv.explain", clusterSize);
        List<Integer> offline = offline(nodes);
        return offline.isEmpty() ? hint : hint + " " + messages.format("keygen.minSrv.online",
                clusterSize - offline.size(), clusterSize, nodeList(offline), offline.size());
    }

    /**
     * A warning when {@code minSrv} (a valid count: 1 to the cluster's size) asks for more HSMs than
     * are online: genSymKey would wait for an offline node to come back, or roll the key back when
     * the timeout passes first.
     */
    Optional<String> warning(Integer minSrv, boolean timeoutSet, int clusterSize, ClusterSnapshot nodes) {
        List<Integer> offline = offline(nodes);
        int online = clusterSize - offline.size();
        if (minSrv == null || minSrv > clusterSize || minSrv <= online) {
            return Optional.empty();
        }
        return Optional.of(messages.format(timeoutSet ? "keygen.minSrv.warning.timeout" : "keygen.minSrv.warning",
                minSrv, online, clusterSize, nodeList(offline), offline.size()));
    }

    /** While waiting: the nodes without the key, each with what keeps it (offline, or its copy on the way). */
    String missing(List<Integer> nodesWithout, ClusterSnapshot nodes) {
        List<Integer> offline = offline(nodes);
        return nodesWithout.stream().map(id -> messages.format(offline.contains(id) ? "keygen.progress.nodeOffline"
                : "keygen.progress.nodeCopying", id)).collect(Collectors.joining(", "));
    }

    private static List<Integer> offline(ClusterSnapshot nodes) {
        return nodes == null ? List.of() : nodes.nodes().stream().filter(n -> !n.isOnline()).map(NodeStatus::id).toList();
    }

    private String nodeList(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
