package io.hsmconsole.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Line-by-line input when stdin is not a terminal, or when a tool runs one command. Each line read
 * is echoed after its prompt, so the output of {@code key_mgmt_util < script} reads like the screen
 * of an interactive session (where the terminal echoes what the user types). Secrets are read from
 * the terminal without echo when there is one ({@code singlecmd … -hpswd}, a passphrase), else as
 * the next input line, never echoed. Lines are read with a length limit ({@link BoundedLines}).
 */
public final class PlainConsole implements Console {
    private final BoundedLines in;
    private final PrintWriter out;
    private final java.io.Console terminal;

    public PlainConsole(BufferedReader in, PrintWriter out) {
        this(in, out, null);
    }

    public PlainConsole(BufferedReader in, PrintWriter out, java.io.Console terminal) {
        this.in = new BoundedLines(in);
        this.out = out;
        this.terminal = terminal;
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
        if (terminal != null) {
            out.flush();
            return terminal.readPassword("%s", prompt);
        }
        out.print(prompt);
        String line = read();
        out.println();
        out.flush();
        return line == null ? null : line.toCharArray();
    }

    private String read() {
        out.flush();
        try {
            return in.next();
        } catch (IOException e) {
            // Piped input too (key_mgmt_util < /dev/zero): one line of error, not a stack trace or an OutOfMemoryError.
            throw new InputException("cannot read the input: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean secretsFromTerminal() {
        return terminal != null;
    }

    @Override
    public PrintWriter out() {
        return out;
    }
}
