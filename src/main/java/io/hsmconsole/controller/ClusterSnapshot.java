package io.hsmconsole.controller;

import io.hsmconsole.hsm.cluster.ClusterInfo;
import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.user.UserInfo;

import java.util.List;
import java.util.Optional;

/** The cluster as read at one moment: its summary, every node and every user. */
public record ClusterSnapshot(ClusterInfo info, List<NodeStatus> nodes, List<UserInfo> users, long changeCounter) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        users = List.copyOf(users);
    }

    /** While a node is still receiving copies, coverage changes with time alone. */
    public boolean syncing() {
        return nodes.stream().anyMatch(n -> n.state() == NodeState.SYNCING);
    }

    public long onlineNodes() {
        return nodes.stream().filter(NodeStatus::isOnline).count();
    }

    public Optional<UserInfo> user(int id) {
        return users.stream().filter(u -> u.id() == id).findFirst();
    }
}
