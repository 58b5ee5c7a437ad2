package io.hsmconsole.ui.trykey;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** How the panel reads typed data: as text (its UTF-8 bytes) or as hex ({@code 0x} and spaces allowed). */
public enum DataFormat {
    TEXT, HEX;

    /** The bytes, or empty when HEX text is not hex. */
    public Optional<byte[]> parse(String typed) {
        String text = typed == null ? "" : typed;
        if (this == TEXT) {
            return Optional.of(text.getBytes(StandardCharsets.UTF_8));
        }
        return parseHex(text);
    }

    /** Hex digits in pairs; whitespace and a leading {@code 0x} are ignored. Empty when it is not hex. */
    public static Optional<byte[]> parseHex(String typed) {
        String digits = (typed == null ? "" : typed).replaceAll("\\s+", "");
        if (digits.toLowerCase(Locale.ROOT).startsWith("0x")) {
            digits = digits.substring(2);
        }
        try {
            return Optional.of(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String messageKey() {
        return "trykey.format." + name().toLowerCase(Locale.ROOT);
    }
}
