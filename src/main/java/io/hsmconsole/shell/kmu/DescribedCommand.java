package io.hsmconsole.shell.kmu;

/**
 * A session command whose name, reported call, options and help text are fixed values given once to
 * the constructor, instead of four one-line overrides in every command.
 */
abstract class DescribedCommand extends SessionCommand {
    private final String name;
    private final String call;
    private final OptionSpec options;
    private final String help;

    DescribedCommand(String name, String call, OptionSpec options, String help) {
        this.name = name;
        this.call = call;
        this.options = options;
        this.help = help;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final OptionSpec options() {
        return options;
    }

    @Override
    public final String help() {
        return help;
    }

    @Override
    final String call() {
        return call;
    }
}
