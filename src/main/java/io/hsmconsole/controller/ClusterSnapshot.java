package io.hsmconsole.controller;

import io.hsmconsole.hsm.cluster.ClusterInfo;
import io.hsmconsole.hsm.cluster.NodeState;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.hsm.user.UserInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as read at one moment: its summary, every node, every user, each node's last
 * attestation (kept in the store, so one made by a script in another process is here too), and how
 * many token keys are below Client SDK 5's key availability quorum (the simulator's answer,
 * {@code HsmCluster.tokenKeysBelowAvailabilityQuorum}): SDK 5 applications cannot use those now.
 */
public record ClusterSnapshot(ClusterInfo info, List<NodeStatus> nodes, List<UserInfo> users,
                              Map<Integer, NodeAttestation> attestations, long changeCounter,
                              long keysBelowAvailabilityQuorum) {

    public ClusterSnapshot {
        nodes = List.copyOf(nodes);
        users = List.copyOf(users);
        attestations = Map.copyOf(attestations);
    }

    /** The node's last attestation, by whichever process made it. */
    public Optional<NodeAttestation> lastAttestation(int nodeId) {
        return Optional.ofNullable(attestations.get(nodeId));
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
