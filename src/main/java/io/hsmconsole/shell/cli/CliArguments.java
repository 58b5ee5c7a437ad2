package io.hsmconsole.shell.cli;

import io.hsmconsole.text.cli.CliSyntax;
import io.hsmconsole.text.cli.CliUsageText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one command line, read by the command's {@link CliSyntax} the way clap reads them:
 * {@code --name value} or {@code --name=value}; an option taking several values takes the words up
 * to the next option; {@code -h}/{@code --help} asks for the help page.
 */
final class CliArguments {
    private final Map<String, List<String>> values;
    private final boolean help;

    private CliArguments(Map<String, List<String>> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    static CliArguments parse(CliSyntax syntax, List<String> words) throws CliUsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i++);
            if (word.equals("-h") || word.equals("--help")) {
                return new CliArguments(values, true);
            }
            CliSyntax.Option option = option(syntax, word);
            String inline = word.startsWith("--") && word.contains("=") ? word.substring(word.indexOf('=') + 1) : null;
            if (values.containsKey(option.name())) {
                throw new CliUsageException(CliUsageText.usedTwice(option, syntax));
            }
            List<String> given = new ArrayList<>();
            switch (option.arity()) {
                case FLAG -> {
                    if (inline != null) {
                        throw new CliUsageException(CliUsageText.unexpectedArgument(word, syntax));
                    }
                }
                case ONE -> {
                    if (inline == null && (i >= words.size() || isOption(words.get(i)))) {
                        throw new CliUsageException(CliUsageText.missingValue(option));
                    }
                    given.add(inline != null ? inline : words.get(i++));
                }
                case OPTIONAL -> {
                    if (inline != null) {
                        given.add(inline);
                    } else if (i < words.size() && !isOption(words.get(i))) {
                        given.add(words.get(i++));
                    }
                }
                case MANY -> {
                    if (inline != null) {
                        given.add(inline);
                    }
                    while (i < words.size() && !isOption(words.get(i))) {
                        given.add(words.get(i++));
                    }
                }
            }
            for (String v : given) {
                if (!option.accepts(v)) {
                    throw new CliUsageException(CliUsageText.notPossibleValue(v, option));
                }
            }
            if (option.oneOf() != null) {
                Optional<CliSyntax.Option> other = syntax.group(option.oneOf()).stream()
                        .filter(o -> values.containsKey(o.name())).findFirst();
                if (other.isPresent()) {
                    throw new CliUsageException(CliUsageText.cannotBeUsedWith(option, other.get(), syntax));
                }
            }
            values.put(option.name(), given);
        }
        List<CliSyntax.Option> missing = syntax.options().stream()
                .filter(o -> o.required() && !values.containsKey(o.name())).toList();
        if (!missing.isEmpty()) {
            throw new CliUsageException(CliUsageText.missingRequired(missing, syntax));
        }
        for (String group : syntax.groups()) {
            if (syntax.group(group).stream().noneMatch(o -> values.containsKey(o.name()))) {
                throw new CliUsageException(CliUsageText.missingGroup(group, syntax));
            }
        }
        return new CliArguments(values, false);
    }

    private static CliSyntax.Option option(CliSyntax syntax, String word) throws CliUsageException {
        Optional<CliSyntax.Option> found = Optional.empty();
        if (word.startsWith("--")) {
            String name = word.substring(2);
            found = syntax.option(name.contains("=") ? name.substring(0, name.indexOf('=')) : name);
        } else if (word.length() == 2 && word.charAt(0) == '-') {
            found = syntax.shortOption(word.charAt(1));
        }
        if (found.isEmpty()) {
            throw new CliUsageException(CliUsageText.unexpectedArgument(word, syntax));
        }
        return found.get();
    }

    private static boolean isOption(String word) {
        return word.startsWith("--") || (word.length() == 2 && word.charAt(0) == '-' && Character.isLetter(word.charAt(1)));
    }

    boolean helpRequested() {
        return help;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of a one-value option, or null when not given. */
    String value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A switch that may carry true or false ({@link CliSyntax.Arity#OPTIONAL}): given alone or with true. */
    boolean switchedOn(String name) {
        return has(name) && !"false".equals(value(name));
    }

    /** The values of a several-values option (empty when not given). */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A one-value option read as a non-negative whole number; clap's error when it is not one. */
    Integer number(CliSyntax syntax, String name) throws CliUsageException {
        String text = value(name);
        if (text == null) {
            return null;
        }
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            throw new CliUsageException(CliUsageText.invalidValue(text, syntax.option(name).orElseThrow(),
                    CliUsageText.notANumber(text)));
        }
        return Integer.parseInt(text);
    }

    /** A one-value option read as an unsigned 32-bit number, as clap reads a {@code u32}; clap's error when it is not one. */
    Long unsigned32(CliSyntax syntax, String name) throws CliUsageException {
        String text = value(name);
        if (text == null) {
            return null;
        }
        CliSyntax.Option option = syntax.option(name).orElseThrow();
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            throw new CliUsageException(CliUsageText.invalidValue(text, option, CliUsageText.notANumber(text)));
        }
        if (text.length() > 10 || Long.parseLong(text) > 0xFFFF_FFFFL) {
            throw new CliUsageException(CliUsageText.invalidValue(text, option, CliUsageText.TOO_LARGE));
        }
        return Long.parseLong(text);
    }
}
