package io.hsmconsole.shell.sim;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.attest.AttestationReport;
import io.hsmconsole.hsm.cluster.NodeStatus;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The nodes of the cluster as a table: what the console's cluster view shows, for scripts —
 * including each node's last attestation, by whichever process made it (UTC, so a transcript reads
 * the same on every machine).
 */
final class NodeTable {
    private NodeTable() {
    }

    static void print(HsmCluster cluster, PrintWriter out) {
        Map<Integer, AttestationReport> attested = cluster.lastAttestations();
        out.printf("%n\t%-6s%-10s%-11s%-9s%-10s%-10s%s%n", "Node", "State", "Keys held", "Pending", "Latency", "Firmware",
                "Last attestation");
        for (NodeStatus n : cluster.nodes()) {
            out.printf("\t%-6d%-10s%-11d%-9d%-10s%-10s%s%n", n.id(), n.state(), n.keysHeld(), n.keysPending(),
                    n.latencyMillis() + " ms", n.firmwareVersion(), lastAttestation(attested.get(n.id())));
        }
    }

    private static String lastAttestation(AttestationReport r) {
        if (r == null) {
            return "-";
        }
        return (r.passed() ? "PASS " : "FAIL ") + Instant.ofEpochMilli(r.timeMillis()).truncatedTo(ChronoUnit.SECONDS);
    }
}
