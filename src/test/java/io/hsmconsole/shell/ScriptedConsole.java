package io.hsmconsole.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A console for tests that plays a person at the keyboard: each line is produced when the shell
 * asks for it, so a test can act between commands (sign a token file getToken just wrote) exactly
 * when a user would. Lines are echoed after their prompt, as {@link PlainConsole} does.
 */
final class ScriptedConsole implements Console {
    private final Deque<Supplier<String>> lines = new ArrayDeque<>();
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    ScriptedConsole type(String line) {
        lines.add(() -> line);
        return this;
    }

    /** Runs {@code action} when the shell asks for this line, then types {@code line}. */
    ScriptedConsole thenType(Runnable action, String line) {
        lines.add(() -> {
            action.run();
            return line;
        });
        return this;
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        String line = lines.isEmpty() ? null : lines.poll().get();
        out.println(line == null ? "" : line);
        return line;
    }

    @Override
    public char[] readSecret(String prompt) {
        out.println(prompt);
        String line = lines.isEmpty() ? null : lines.poll().get();
        return line == null ? null : line.toCharArray();
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    String output() {
        out.flush();
        return text.toString();
    }
}
