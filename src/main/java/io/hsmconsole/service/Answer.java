package io.hsmconsole.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the service sends back, made for a shell to read with builtins: a first line with the exit
 * status (or a word for "not run here": {@code refused}, {@code fallback}, {@code stale}), then for a run a line with
 * the number of standard-error lines and how to read the output ({@code lines}: short text without NUL
 * bytes, which bash's {@code read -N} can copy without starting {@code cat}; else {@code bytes}), those
 * lines, and the standard output bytes up to the end of the connection.
 */
record Answer(String status, List<String> errorLines, byte[] output) {
    static final String REFUSED = "refused";
    static final String FALLBACK = "fallback";
    /** To {@code status}: the build is newer than the service, which is stopping. */
    static final String STALE = "stale";
    /** Up to this much text, bash copies the output with its {@code read} builtin; beyond it, with {@code cat}. */
    static final int SHELL_READ_LIMIT = 16 * 1024;

    static Answer ran(int exitStatus, String errors, byte[] output) {
        List<String> lines = errors.isEmpty() ? List.of() : errors.lines().toList();
        return new Answer(Integer.toString(exitStatus), lines, output);
    }

    static Answer notRun(String why) {
        return new Answer(why, List.of(), new byte[0]);
    }

    static Answer text(String output) {
        return ran(0, "", output.getBytes(StandardCharsets.UTF_8));
    }

    boolean wasRun() {
        return status.chars().allMatch(Character::isDigit);
    }

    private boolean shellReadable() {
        if (output.length > SHELL_READ_LIMIT) {
            return false;
        }
        for (byte b : output) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(status).append('\n');
        if (wasRun()) {
            head.append(errorLines.size()).append(' ').append(shellReadable() ? "lines" : "bytes").append('\n');
            errorLines.forEach(line -> head.append(line).append('\n'));
        }
        bytes.writeBytes(head.toString().getBytes(Charset.defaultCharset()));
        bytes.writeBytes(output);
        return bytes.toByteArray();
    }
}
