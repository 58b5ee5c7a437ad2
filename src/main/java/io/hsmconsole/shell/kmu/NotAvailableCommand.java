package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;

/**
 * A KMU command the simulator does not do yet. It still parses like the real command (so a typo
 * gets the help text), then says plainly that it is not available: never a fake success.
 */
final class NotAvailableCommand implements KmuCommand {
    private final String name;
    private final OptionSpec options;
    private final String help;
    private final String why;

    NotAvailableCommand(String name, String syntax, OptionSpec options, String why) {
        this(name, syntax, options, "-h  displays this information", why);
    }

    /** With the real command's options described under {@code Where:}, so its help reads as AWS's. */
    NotAvailableCommand(String name, String syntax, OptionSpec options, String where, String why) {
        this.name = name;
        this.options = options;
        this.help = HelpText.of(name + " (not available yet in this simulator: " + why + ")", syntax, where);
        this.why = why;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OptionSpec options() {
        return options;
    }

    @Override
    public String help() {
        return help;
    }

    @Override
    public ExitStatus execute(ParsedOptions options, KmuContext context) {
        context.printer().error("Error: " + name + " is not available yet in this simulator: " + why + ".");
        return ExitStatus.ERROR;
    }
}
