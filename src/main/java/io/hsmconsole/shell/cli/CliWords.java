package io.hsmconsole.shell.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an interactive line into words as a POSIX shell would for the CLI's arguments: on
 * whitespace, with double or single quotes grouping (and removed: {@code attr.label="my key"} is the
 * word {@code attr.label=my key}) and a backslash escaping the next character. Single-command mode
 * gets its words from the user's shell already split.
 */
final class CliWords {
    private CliWords() {
    }

    /** The words, or null when a quote is left open. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            return null;
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
