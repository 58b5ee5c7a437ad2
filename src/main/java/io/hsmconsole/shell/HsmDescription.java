package io.hsmconsole.shell;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.cluster.NodeStatus;

import java.io.PrintWriter;
import java.util.List;

/** The HSM information block both shells print (KMU once, CMU once per server). */
public final class HsmDescription {
    private HsmDescription() {
    }

    /** {@code 2 [FIPS mode with single factor authentication]}, as the tools print the FIPS state. */
    public static String fipsState(HsmType type) {
        return type.fipsState() + " [" + (type.fips() ? "FIPS" : "non-FIPS") + " mode with single factor authentication]";
    }

    /** The node a fresh session talks to now, as the cluster decides it. */
    public static NodeStatus servingNode(HsmCluster cluster) {
        int id = cluster.servingNodeId();
        List<NodeStatus> nodes = cluster.nodes();
        return nodes.stream().filter(n -> n.id() == id).findFirst().orElse(nodes.get(0));
    }

    /**
     * The block in the field order and layout of cloudhsm_mgmt_util-getHSMInfo.md, with the facts the
     * simulator has and nothing invented: it has no hardware, so the device identifiers, hardware
     * version, temperature and build number are empty (as the page's Manufacturer ID is); the public
     * memory is the cluster's key capacity at {@link #BYTES_PER_KEY} bytes a key, less what the keys
     * this node holds take. Our own lines (the firmware measurement the console's attestation checks,
     * and the node's state) come last.
     */
    public static void print(HsmCluster cluster, NodeStatus node, String indent, PrintWriter out) {
        String[] version = node.firmwareVersion().split("\\.");
        long total = cluster.info().keyCapacity() * BYTES_PER_KEY;
        field(out, indent, "Label", cluster.name());
        field(out, indent, "Model", cluster.hsmType().awsName() + " (simulated)");
        out.println();
        field(out, indent, "Serial Number", "SIM-" + cluster.name() + "-" + node.id());
        field(out, indent, "HSM Flags", "0");
        field(out, indent, "FIPS state", fipsState(cluster.hsmType()));
        out.println();
        field(out, indent, "Manufacturer ID", "");
        field(out, indent, "Device ID", NO_HARDWARE);
        field(out, indent, "Class Code", NO_HARDWARE);
        field(out, indent, "System vendor ID", NO_HARDWARE);
        field(out, indent, "SubSystem ID", NO_HARDWARE);
        out.println();
        out.println();
        field(out, indent, "TotalPublicMemory", String.valueOf(total));
        field(out, indent, "FreePublicMemory", String.valueOf(Math.max(0, total - node.keysHeld() * BYTES_PER_KEY)));
        field(out, indent, "TotalPrivateMemory", "0");
        field(out, indent, "FreePrivateMemory", "0");
        out.println();
        field(out, indent, "Hardware Major", NO_HARDWARE);
        field(out, indent, "Hardware Minor", NO_HARDWARE);
        out.println();
        field(out, indent, "Firmware Major", version[0]);
        field(out, indent, "Firmware Minor", version.length > 1 ? String.format("%02d", Integer.parseInt(version[1])) : "00");
        out.println();
        field(out, indent, "Temperature", NO_HARDWARE);
        out.println();
        field(out, indent, "Build Number", NO_HARDWARE);
        out.println();
        field(out, indent, "Firmware ID", node.firmwareVersion());
        field(out, indent, "Firmware measurement", node.firmwareMeasurementHex());
        field(out, indent, "State", node.state().toString());
    }

    /** What the simulator prints for a hardware fact it does not have. */
    private static final String NO_HARDWARE = "";
    /** Object memory a key takes in the simulated public memory figures. */
    public static final long BYTES_PER_KEY = 512;

    private static void field(PrintWriter out, String indent, String name, String value) {
        out.printf("%s%-21s:%s%n", indent, name, value);
    }
}
