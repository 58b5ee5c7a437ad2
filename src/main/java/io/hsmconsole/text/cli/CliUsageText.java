package io.hsmconsole.text.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Help and usage errors as the CloudHSM CLI (a clap program) prints them: {@code help <command>}
 * pages, and the {@code error: …} / {@code Usage: …} / {@code For more information, try '--help'.}
 * blocks of a command line it cannot read (exit status 2).
 */
public final class CliUsageText {
    public static final String PROGRAM = "cloudhsm-cli";
    private static final String MORE = "For more information, try '--help'.";
    /** Rust's error for a number past its type's maximum. */
    public static final String TOO_LARGE = "number too large to fit in target type";
    private static final String HELP_LINE = "  -h, --help\n          Print help\n";

    private CliUsageText() {
    }

    /** {@code Usage: key list [OPTIONS] --filter [<FILTER>...]}. */
    public static String usage(CliSyntax syntax) {
        StringBuilder b = new StringBuilder("Usage: ").append(syntax.path());
        if (syntax.options().stream().anyMatch(o -> !o.required() && o.oneOf() == null)) {
            b.append(" [OPTIONS]");
        }
        syntax.options().stream().filter(CliSyntax.Option::required).forEach(o -> b.append(' ').append(o.display()));
        syntax.groups().forEach(g -> b.append(' ').append(groupDisplay(syntax, g)));
        return b.toString();
    }

    /** {@code <--generated <GENERATED>|--approved <APPROVED>>}: a required group as clap shows it. */
    public static String groupDisplay(CliSyntax syntax, String group) {
        return syntax.group(group).stream().map(CliSyntax.Option::display).collect(Collectors.joining("|", "<", ">"));
    }

    /** A required group none of whose options was given. */
    public static String missingGroup(String group, CliSyntax syntax) {
        return "error: the following required arguments were not provided:\n  " + groupDisplay(syntax, group) + "\n\n"
                + usage(syntax) + "\n\n" + MORE + "\n";
    }

    /** Two options of one group given together. */
    public static String cannotBeUsedWith(CliSyntax.Option given, CliSyntax.Option other, CliSyntax syntax) {
        return "error: the argument '" + given.display() + "' cannot be used with '" + other.display() + "'\n\n"
                + usage(syntax) + "\n\n" + MORE + "\n";
    }

    /** The page {@code help <command>} prints. */
    public static String help(CliSyntax syntax) {
        StringBuilder b = new StringBuilder(syntax.about()).append("\n\n").append(usage(syntax)).append("\n\nOptions:\n");
        for (CliSyntax.Option o : syntax.options()) {
            b.append(o.shortName() == 0 ? "      " : "  -" + o.shortName() + ", ").append(o.display()).append('\n');
            b.append("          ").append(o.help()).append('\n');
            if (!o.possibleValues().isEmpty()) {
                b.append("\n          Possible values:\n");
                o.possibleValues().forEach(v -> b.append("          - ").append(v).append('\n'));
                b.append('\n');
            }
        }
        return b.append(HELP_LINE).toString();
    }

    /** The page of a group ({@code help key}) or of the tool itself ({@code help}): its commands. */
    public static String groupHelp(String about, String path, Map<String, String> commands) {
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        width = Math.max(width, "help".length());
        StringBuilder b = new StringBuilder(about).append("\n\nUsage: ").append(path).append(" <COMMAND>\n\nCommands:\n");
        for (Map.Entry<String, String> e : commands.entrySet()) {
            b.append("  ").append(pad(e.getKey(), width)).append("  ").append(e.getValue()).append('\n');
        }
        b.append("  ").append(pad("help", width)).append("  Print this message or the help of the given subcommand(s)\n");
        return b.append("\nOptions:\n  -h, --help  Print help\n").toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    public static String unexpectedArgument(String argument, CliSyntax syntax) {
        return "error: unexpected argument '" + argument + "' found\n\n" + usage(syntax) + "\n\n" + MORE + "\n";
    }

    public static String missingRequired(List<CliSyntax.Option> missing, CliSyntax syntax) {
        String list = missing.stream().map(o -> "  " + o.display()).collect(Collectors.joining("\n"));
        return "error: the following required arguments were not provided:\n" + list + "\n\n" + usage(syntax)
                + "\n\n" + MORE + "\n";
    }

    public static String missingValue(CliSyntax.Option option) {
        return "error: a value is required for '" + option.display() + "' but none was supplied\n\n" + MORE + "\n";
    }

    public static String usedTwice(CliSyntax.Option option, CliSyntax syntax) {
        return "error: the argument '" + option.display() + "' cannot be used multiple times\n\n" + usage(syntax)
                + "\n\n" + MORE + "\n";
    }

    public static String invalidValue(String value, CliSyntax.Option option, String why) {
        return "error: invalid value '" + value + "' for '" + option.display() + "': " + why + "\n\n" + MORE + "\n";
    }

    public static String notPossibleValue(String value, CliSyntax.Option option) {
        String values = option.possibleValues().stream().map(v -> v.split(":", 2)[0]).collect(Collectors.joining(", "));
        return "error: invalid value '" + value + "' for '" + option.display() + "'\n  [possible values: " + values
                + "]\n\n" + MORE + "\n";
    }

    public static String unrecognizedSubcommand(String word, String path) {
        return "error: unrecognized subcommand '" + word + "'\n\nUsage: " + path + " <COMMAND>\n\n" + MORE + "\n";
    }

    public static String notANumber(String value) {
        return value.isEmpty() ? "cannot parse integer from empty string" : "invalid digit found in string";
    }
}
