package io.hsmconsole.ui.trykey;

import io.hsmconsole.text.KeyUseText;

import java.nio.charset.StandardCharsets;
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
        return KeyUseText.parseHex(typed);
    }

    public String messageKey() {
        return "trykey.format." + name().toLowerCase(Locale.ROOT);
    }
}
