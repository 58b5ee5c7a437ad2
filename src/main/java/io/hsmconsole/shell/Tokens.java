package io.hsmconsole.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way KMU does: on whitespace, runs collapse, no quoting (so a label
 * with a space cannot be typed, as in the real tool).
 */
public final class Tokens {
    private Tokens() {
    }

    public static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        for (String t : line.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /**
     * A KMU integer: all decimal digits, else absent (null), as the tool's {@code readIntegerArg}.
     * Values past {@code max} are absent too rather than silently wrapping.
     */
    public static Long decimal(String text, long max) {
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            return value <= max ? value : null;
        } catch (NumberFormatException e) {
            return null; // 19 digits past Long.MAX_VALUE (found by the shell fuzzer: it used to escape)
        }
    }

    public static Integer decimalInt(String text) {
        Long v = decimal(text, Integer.MAX_VALUE);
        return v == null ? null : v.intValue();
    }
}
