package io.hsmconsole.text;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Hex on the command line ({@code -i 0xA6A6A6A6A6A6A6A6}) and in KMU's byte dumps ({@code 49 49 E2 D0}).
 * Used by the shell (its arguments and dumps) and by the console's "try the key" panel.
 */
public final class HexArgument {
    private HexArgument() {
    }

    /** Hex digits, an even number of them, with or without {@code 0x}; empty when the text is not that. */
    public static Optional<byte[]> parse(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Upper-case byte pairs separated by a space, {@code perLine} bytes a line. */
    public static List<String> lines(byte[] data, int perLine) {
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        List<String> lines = new ArrayList<>();
        for (int from = 0; from < data.length; from += perLine) {
            lines.add(hex.formatHex(data, from, Math.min(data.length, from + perLine)));
        }
        return lines;
    }
}
