package io.hsmconsole.shell;

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

    /** The node a fresh session talks to: the lowest-numbered online one (else the first). */
    public static NodeStatus servingNode(List<NodeStatus> nodes) {
        return nodes.stream().filter(NodeStatus::isOnline).findFirst().orElse(nodes.get(0));
    }

    public static void print(String cluster, HsmType type, NodeStatus node, String indent, PrintWriter out) {
        String[] version = node.firmwareVersion().split("\\.");
        out.printf("%sLabel                :%s%n", indent, cluster);
        out.printf("%sModel                :%s (simulated)%n", indent, type.awsName());
        out.printf("%sSerial Number        :SIM-%s-%d%n", indent, cluster, node.id());
        out.printf("%sHSM Flags            :0%n", indent);
        out.printf("%sFIPS state           :%s%n", indent, fipsState(type));
        out.printf("%sState                :%s%n", indent, node.state());
        out.println();
        out.printf("%sFirmware Major       :%s%n", indent, version[0]);
        out.printf("%sFirmware Minor       :%s%n", indent, version.length > 1 ? String.format("%02d",
                Integer.parseInt(version[1])) : "00");
        out.println();
        out.printf("%sFirmware ID          :%s%n", indent, node.firmwareVersion());
        out.printf("%sFirmware measurement :%s%n", indent, node.firmwareMeasurementHex());
    }
}
