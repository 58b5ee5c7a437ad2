package io.hsmconsole.shell.kmu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The {@code help} listing, byte for byte as AWS documents it (kept as a resource). */
final class HelpListing {
    private static String text;

    private HelpListing() {
    }

    static synchronized String text() {
        if (text == null) {
            try (InputStream in = HelpListing.class.getResourceAsStream("help-listing.txt")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("the help listing is missing from the build", e);
            }
        }
        return text;
    }
}
