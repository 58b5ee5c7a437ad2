package io.hsmconsole.shell;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The interactive console: JLine with history (kept in the user's home, per tool) and tab
 * completion of command names, then of the options of the command being typed. Loaded only when a
 * person is at a terminal, so scripts never pay for it.
 */
public final class JLineConsole implements Console {
    private final LineReader reader;
    private final PrintWriter out;

    private JLineConsole(LineReader reader, PrintWriter out) {
        this.reader = reader;
        this.out = out;
    }

    /** Lines that may carry a password never go into the history file (KMU and CMU commands; cloudhsm-cli: --password). */
    static final String HISTORY_IGNORE = "*loginHSM*:*createUser*:*changePswd*:*approveToken*:*--password*";

    static ShellLauncher.ConsoleHandle open(String program, Map<String, Set<String>> completions) {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName(program)
                    .completer(completer(completions))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), "." + program + "_history"))
                    .variable(LineReader.HISTORY_IGNORE, HISTORY_IGNORE)
                    .build();
            JLineConsole console = new JLineConsole(reader, terminal.writer());
            return new ShellLauncher.ConsoleHandle(console, () -> {
                try {
                    reader.getHistory().save();
                    terminal.close();
                } catch (IOException e) {
                    // The history could not be saved; the session itself is over and fine.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** First word: a command name; later words: that command's options. */
    static Completer completer(Map<String, Set<String>> completions) {
        return (reader, line, candidates) -> {
            if (line.wordIndex() == 0) {
                completions.keySet().forEach(c -> candidates.add(new Candidate(c)));
            } else {
                completions.getOrDefault(line.words().get(0), Set.of()).forEach(o -> candidates.add(new Candidate(o)));
            }
        };
    }

    @Override
    public String readLine(String prompt) {
        // JLine draws the prompt on one line: print the leading newline of KMU's "\nCommand: " first.
        String shown = prompt;
        while (shown.startsWith("\n")) {
            out.println();
            shown = shown.substring(1);
        }
        out.flush();
        try {
            return reader.readLine(shown);
        } catch (EndOfFileException | UserInterruptException e) {
            return null;
        }
    }

    @Override
    public char[] readSecret(String prompt) {
        try {
            // Nothing is echoed, not even a mask character.
            String secret = reader.readLine(prompt, LineReaderImpl.NULL_MASK);
            return secret.toCharArray();
        } catch (EndOfFileException | UserInterruptException e) {
            return null;
        }
    }

    @Override
    public boolean secretsFromTerminal() {
        return true;
    }

    @Override
    public PrintWriter out() {
        return out;
    }
}
