package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.Tokens;

import java.util.Map;
import java.util.Set;

/**
 * A command's options after parsing, or the verdict "print the help text". {@code asked} tells a
 * plain {@code <command> -h} (success) from a usage error that falls back to the help text.
 */
final class ParsedOptions {
    private final Map<String, String> values;
    private final Set<String> flags;
    private final boolean help;
    private final boolean asked;

    ParsedOptions(Map<String, String> values, Set<String> flags) {
        this(values, flags, false, false);
    }

    private ParsedOptions(Map<String, String> values, Set<String> flags, boolean help, boolean asked) {
        this.values = Map.copyOf(values);
        this.flags = Set.copyOf(flags);
        this.help = help;
        this.asked = asked;
    }

    static ParsedOptions help(boolean asked) {
        return new ParsedOptions(Map.of(), Set.of(), true, asked);
    }

    boolean isHelp() {
        return help;
    }

    boolean helpWasAsked() {
        return asked;
    }

    String text(String option) {
        return values.get(option);
    }

    /** An int option: all decimal digits, else null ("absent"), as KMU reads integers. */
    Integer integer(String option) {
        return Tokens.decimalInt(values.get(option));
    }

    /** A key handle: a 64-bit decimal, else null. */
    Long handle(String option) {
        return Tokens.decimal(values.get(option), Long.MAX_VALUE);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    boolean flag(String option) {
        return flags.contains(option);
    }
}
