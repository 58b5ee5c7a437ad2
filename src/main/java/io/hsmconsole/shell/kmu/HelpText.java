package io.hsmconsole.shell.kmu;

/**
 * The shape of KMU's per-command help: {@code Description} / {@code ===========} / the text /
 * {@code Syntax:} / {@code Where:}, framed by blank lines as the tool prints it.
 */
final class HelpText {
    private HelpText() {
    }

    static String of(String description, String syntax, String where) {
        return "\n\nDescription\n===========\n" + description + "\n\nSyntax: " + syntax + "\n\nWhere: " + where + "\n\n";
    }

    /** The help of a command that takes no arguments. */
    static String noArguments(String description) {
        return "\n\tThis command doesn't expect any arguments\n\nDescription:\n\t" + description + "\n";
    }
}
