package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.HsmDescription;

import java.io.PrintWriter;

/**
 * {@code getHSMInfo}: the HSM this tool talks to (the cluster's serving node), in the tool's
 * {@code Label :value} layout. Only facts the simulator has are printed: no invented temperatures.
 */
final class HsmInfoCommand implements KmuCommand {
    @Override
    public String name() {
        return "getHSMInfo";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.none();
    }

    @Override
    public String help() {
        return HelpText.noArguments("getHSMInfo returns HSM information");
    }

    @Override
    public ExitStatus execute(ParsedOptions options, KmuContext context) {
        NodeStatus node = HsmDescription.servingNode(context.cluster());
        PrintWriter out = context.printer().out();
        out.println();
        HsmDescription.print(context.cluster(), node, "\t", out);
        out.println();
        return ExitStatus.SUCCESS;
    }

}
