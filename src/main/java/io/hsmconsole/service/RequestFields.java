package io.hsmconsole.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request's NUL-terminated fields (what {@code printf '%s\0' …} sends), with a cap on the
 * whole request so a client that never sends a NUL cannot make the service hold unbounded memory.
 */
final class RequestFields {
    /** Bigger than any command line a system accepts (Linux caps arguments at 2 MiB). */
    static final int MAX_REQUEST_BYTES = 4 << 20;

    private final InputStream in;
    private int total;

    RequestFields(InputStream in) {
        this.in = in;
    }

    /** The next field; fails when the connection ends first or the request grows too long. */
    String next() throws IOException {
        java.io.ByteArrayOutputStream field = new java.io.ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended before its last field");
            }
            if (++total > MAX_REQUEST_BYTES) {
                throw new IOException("the request is longer than " + MAX_REQUEST_BYTES + " bytes");
            }
            if (b == 0) {
                return field.toString(StandardCharsets.UTF_8);
            }
            field.write(b);
        }
    }

    int nextCount(int max) throws IOException {
        String text = next();
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) > max) {
            throw new IOException("expected an argument count, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
