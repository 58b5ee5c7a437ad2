package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.cluster.ClusterInfo;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.HsmDescription;

import java.io.PrintWriter;
import java.util.List;

/** {@code getPartitionInfo}: the partition (the cluster's key store) and how full it is. */
final class PartitionInfoCommand implements KmuCommand {
    @Override
    public String name() {
        return "getPartitionInfo";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return HelpText.noArguments("getPartitionInfo returns the partition information");
    }

    @Override
    public ExitStatus execute(ParsedOptions options, KmuContext context) {
        ClusterInfo info = context.cluster().info();
        List<NodeStatus> nodes = context.cluster().nodes();
        PrintWriter out = context.printer().out();
        out.println();
        out.printf("\tName                 :PARTITION_1%n");
        out.printf("\tCluster              :%s%n", info.name());
        out.printf("\tHSM type             :%s%n", info.hsmType().awsName());
        out.printf("\tFIPS state           :%s%n", HsmDescription.fipsState(info.hsmType()));
        out.printf("\tHSMs                 :%d (%d online)%n", nodes.size(),
                nodes.stream().filter(NodeStatus::isOnline).count());
        out.printf("\tOccupiedTokenKeys    :%d%n", info.tokenKeyCount());
        out.printf("\tMaxTokenKeys         :%d%n", info.keyCapacity());
        out.println();
        return ExitStatus.SUCCESS;
    }
}
