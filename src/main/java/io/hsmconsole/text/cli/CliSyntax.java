package io.hsmconsole.text.cli;

import java.util.List;
import java.util.Optional;

/**
 * The syntax of one CloudHSM CLI command, as its {@code help} shows it: the words that name it
 * ({@code key generate-symmetric aes}), what it does, and its options. The parser reads options by
 * this description and {@link CliUsageText} writes help and usage errors from it, so the two agree.
 */
public record CliSyntax(String path, String about, List<Option> options) {

    /** How many values an option takes: OPTIONAL is a switch that may carry one value ({@code --deregister-quorum [true]}). */
    public enum Arity { FLAG, ONE, MANY, OPTIONAL }

    /**
     * One option: {@code --name <VALUE>}; {@code shortName} is a letter or 0; {@code possibleValues}
     * (value: meaning) when only those are allowed; {@code oneOf}: the options of a clap group of
     * which exactly one must be given ({@code <--generated <GENERATED>|--approved <APPROVED>>}), or
     * null.
     */
    public record Option(String name, char shortName, String valueName, Arity arity, boolean required, String help,
                         List<String> possibleValues, String oneOf) {

        public static Option flag(String name, String help) {
            return new Option(name, (char) 0, "", Arity.FLAG, false, help, List.of(), null);
        }

        public static Option one(String name, String valueName, boolean required, String help) {
            return new Option(name, (char) 0, valueName, Arity.ONE, required, help, List.of(), null);
        }

        public static Option many(String name, String valueName, boolean required, String help) {
            return new Option(name, (char) 0, valueName, Arity.MANY, required, help, List.of(), null);
        }

        public static Option optional(String name, String valueName, String help) {
            return new Option(name, (char) 0, valueName, Arity.OPTIONAL, false, help, List.of(), null);
        }

        public Option withShort(char letter) {
            return new Option(name, letter, valueName, arity, required, help, possibleValues, oneOf);
        }

        /** {@code values} as {@code value: meaning}; only the part before the colon is accepted. */
        public Option withPossibleValues(List<String> values) {
            return new Option(name, shortName, valueName, arity, required, help, values, oneOf);
        }

        /** A member of the required group {@code group}: exactly one of its options is given. */
        public Option inOneOf(String group) {
            return new Option(name, shortName, valueName, arity, false, help, possibleValues, group);
        }

        /** Whether {@code value} is one of the possible values (any value when there are none). */
        public boolean accepts(String value) {
            return possibleValues.isEmpty() || possibleValues.stream().anyMatch(v -> v.split(":", 2)[0].equals(value));
        }

        /** {@code --label <LABEL>}, {@code --filter [<FILTER>...]}, {@code --session}. */
        public String display() {
            return switch (arity) {
                case FLAG -> "--" + name;
                case ONE -> "--" + name + " <" + valueName + ">";
                case MANY -> "--" + name + " [<" + valueName + ">...]";
                case OPTIONAL -> "--" + name + " [<" + valueName + ">]";
            };
        }
    }

    /** The options of a required group, in their order. */
    public List<Option> group(String oneOf) {
        return options.stream().filter(o -> oneOf.equals(o.oneOf())).toList();
    }

    /** The names of the required groups, in the order of their first option. */
    public List<String> groups() {
        return options.stream().map(Option::oneOf).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public Optional<Option> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public Optional<Option> shortOption(char letter) {
        return options.stream().filter(o -> o.shortName() == letter).findFirst();
    }
}
