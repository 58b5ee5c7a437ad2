package io.hsmconsole.shell.sim;

import io.hsmconsole.hsm.cluster.NodeStatus;

import java.io.PrintWriter;
import java.util.List;

/** The nodes of the cluster as a table: what the console's cluster view shows, for scripts. */
final class NodeTable {
    private NodeTable() {
    }

    static void print(List<NodeStatus> nodes, PrintWriter out) {
        out.printf("%n\t%-6s%-10s%-11s%-9s%-10s%s%n", "Node", "State", "Keys held", "Pending", "Latency", "Firmware");
        for (NodeStatus n : nodes) {
            out.printf("\t%-6d%-10s%-11d%-9d%-10s%s%n", n.id(), n.state(), n.keysHeld(), n.keysPending(),
                    n.latencyMillis() + " ms", n.firmwareVersion());
        }
    }
}
