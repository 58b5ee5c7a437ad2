package io.hsmconsole.shell.kmu;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options one KMU command accepts: options that take a value and flags that stand alone.
 * Parsing follows the tool: options in any order, read pairwise; an unknown, repeated or
 * valueless option (or {@code -h}) turns the whole command into "print your help text".
 */
final class OptionSpec {
    private final Set<String> valued;
    private final Set<String> flags;
    private final boolean acceptsAnything;

    private OptionSpec(Set<String> valued, Set<String> flags, boolean acceptsAnything) {
        this.valued = valued;
        this.flags = flags;
        this.acceptsAnything = acceptsAnything;
    }

    /** For commands the simulator does not have at all: whatever follows is accepted unparsed. */
    static OptionSpec any() {
        return new OptionSpec(Set.of(), Set.of(), true);
    }

    static OptionSpec of(List<String> valued, List<String> flags) {
        return new OptionSpec(Set.copyOf(valued), Set.copyOf(flags), false);
    }

    static OptionSpec valued(String... options) {
        return of(List.of(options), List.of());
    }

    static OptionSpec none() {
        return of(List.of(), List.of());
    }

    /** Every option name, for tab completion. */
    Set<String> names() {
        Set<String> all = new HashSet<>(valued);
        all.addAll(flags);
        return all;
    }

    /** The options that stand alone (the rest take a value). */
    Set<String> flagNames() {
        return flags;
    }

    /** True for commands the simulator lacks, which take whatever follows unparsed. */
    boolean acceptsAnything() {
        return acceptsAnything;
    }

    ParsedOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        Set<String> seenFlags = new HashSet<>();
        if (acceptsAnything) {
            return new ParsedOptions(values, seenFlags, args);
        }
        int i = 0;
        while (i < args.size()) {
            String option = args.get(i);
            if (flags.contains(option) && seenFlags.add(option)) {
                i++;
            } else if (valued.contains(option) && !values.containsKey(option) && i + 1 < args.size()) {
                values.put(option, args.get(i + 1));
                i += 2;
            } else {
                return ParsedOptions.help(option.equals("-h") && args.size() == 1);
            }
        }
        return new ParsedOptions(values, seenFlags, args);
    }
}
