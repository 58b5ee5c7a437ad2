package io.hsmconsole.shell.cli;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliSyntax;

/** A command made of its syntax and a method of its group's class. */
record SimpleCommand(CliSyntax syntax, Body body) implements CliCommand {

    @FunctionalInterface
    interface Body {
        ExitStatus run(CliContext context, CliArguments arguments) throws CliUsageException;
    }

    @Override
    public ExitStatus run(CliContext context, CliArguments arguments) throws CliUsageException {
        return body.run(context, arguments);
    }
}
