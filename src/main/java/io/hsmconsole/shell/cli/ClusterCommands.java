package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.HsmDescription;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.List;

/**
 * {@code cluster hsm-info} (cloudhsm_cli-cluster-hsm-info.md): every HSM of the cluster, no login
 * needed. Only what the simulator knows (as getHSMInfo): the model is the cluster's HSM type, marked
 * simulated; the serial number names the cluster and node; the firmware is the node's. The page's
 * hardware version fields are left out: a simulated HSM has no hardware to version.
 */
final class ClusterCommands {
    /** The vendor field: not the real HSMs' maker. */
    static final String VENDOR = "HSM Key Console (simulated)";

    private ClusterCommands() {
    }

    static List<CliCommand> all() {
        return List.of(new SimpleCommand(CliSyntaxes.CLUSTER_HSM_INFO, ClusterCommands::hsmInfo));
    }

    private static ExitStatus hsmInfo(CliContext context, CliArguments args) {
        ArrayNode hsms = CliJson.array();
        for (NodeStatus node : context.cluster().nodes()) {
            String[] version = node.firmwareVersion().split("\\.");
            ObjectNode hsm = hsms.addObject();
            hsm.put("vendor", VENDOR);
            hsm.put("model", context.cluster().hsmType().awsName() + " (simulated)");
            hsm.put("serial-number", "SIM-" + context.cluster().name() + "-" + node.id());
            hsm.put("firmware-version-major", version[0]);
            hsm.put("firmware-version-minor", version.length > 1 ? version[1] : "0");
            hsm.put("firmware-build-number", version.length > 2 ? version[2] : "0");
            hsm.put("firmware-id", node.firmwareVersion());
            hsm.put("fips-state", HsmDescription.fipsState(context.cluster().hsmType()));
        }
        ObjectNode data = CliJson.object();
        data.set("hsms", hsms);
        return context.success(data);
    }
}
