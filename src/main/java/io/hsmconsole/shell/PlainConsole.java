package io.hsmconsole.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Line-by-line input when stdin is not a terminal. Each line read is echoed after its prompt, so
 * the output of {@code key_mgmt_util < script} reads like the screen of an interactive session
 * (where the terminal echoes what the user types).
 */
public final class PlainConsole implements Console {
    private final BufferedReader in;
    private final PrintWriter out;

    public PlainConsole(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        String line = read();
        out.println(line == null ? "" : line);
        out.flush();
        return line;
    }

    @Override
    public char[] readSecret(String prompt) {
        out.print(prompt);
        String line = read();
        out.println();
        out.flush();
        return line == null ? null : line.toCharArray();
    }

    private String read() {
        out.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input", e);
        }
    }

    @Override
    public PrintWriter out() {
        return out;
    }
}
