package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.sim.Simulation;

/**
 * {@code simulate …} inside key_mgmt_util (simulator only, not an AWS command), so a scriptfile or a
 * piped session can take a node offline between commands; {@code key_mgmt_util simulate …} runs the
 * same from the command line. No login needed: it is the simulation menu, not an HSM command.
 */
final class SimulateCommand implements KmuCommand {
    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.any();
    }

    @Override
    public String help() {
        return Simulation.HELP;
    }

    @Override
    public ExitStatus execute(ParsedOptions options, KmuContext context) {
        return new Simulation(context.cluster(), context.printer().out()).run(options.arguments());
    }
}
