package io.hsmconsole.shell.fuzz;

import io.hsmconsole.shell.Console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The fuzzers' console: what the shell prints is kept (so each input's own output can be judged),
 * and whatever a command asks for (a y/n confirmation, a boolean value, a password, a passphrase)
 * is answered from the input's list of answers, then with end of input.
 */
public final class FuzzConsole implements Console {
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final Deque<String> answers = new ArrayDeque<>();
    private int mark;

    /** Starts an input: its prompts get these answers, and {@link #outputOfInput()} starts here. */
    public void nextInput(List<String> answersForPrompts) {
        answers.clear();
        answers.addAll(answersForPrompts);
        out.flush();
        StringBuffer b = text.getBuffer();
        // Keep memory flat over a million inputs: only the current input's output is needed.
        b.setLength(0);
        mark = 0;
    }

    public String outputOfInput() {
        out.flush();
        return text.getBuffer().substring(mark);
    }

    @Override
    public String readLine(String prompt) {
        out.print(prompt);
        String line = answers.poll();
        out.println(line == null ? "" : line);
        return line;
    }

    @Override
    public char[] readSecret(String prompt) {
        out.print(prompt);
        out.println();
        String line = answers.poll();
        return line == null ? null : line.toCharArray();
    }

    @Override
    public PrintWriter out() {
        return out;
    }
}
