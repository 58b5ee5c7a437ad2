package io.hsmconsole.shell.cli;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliSyntax;

/** One CloudHSM CLI command: its syntax (path, options, help) and what it does. */
interface CliCommand {
    CliSyntax syntax();

    /** Runs with options already read; prints one JSON answer; 0 on success, 1 when refused. */
    ExitStatus run(CliContext context, CliArguments arguments) throws CliUsageException;
}
