package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;

import java.util.Set;

/** One KMU command: its name, its options, its {@code -h} text and what it does. */
interface KmuCommand {
    String name();

    OptionSpec options();

    /** The text {@code <command> -h} prints (and any usage error falls back to). */
    String help();

    /** Options whose value is a secret (a password): never echoed, never written to the audit log. */
    default Set<String> secretOptions() {
        return Set.of();
    }

    /** Runs with parsed options; only called when parsing did not end in help mode. */
    ExitStatus execute(ParsedOptions options, KmuContext context);
}
