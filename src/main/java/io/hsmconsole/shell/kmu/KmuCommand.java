package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;

/** One KMU command: its name, its options, its {@code -h} text and what it does. */
interface KmuCommand {
    String name();

    OptionSpec options();

    /** The text {@code <command> -h} prints (and any usage error falls back to). */
    String help();

    /** Runs with parsed options; only called when parsing did not end in help mode. */
    ExitStatus execute(ParsedOptions options, KmuContext context);
}
