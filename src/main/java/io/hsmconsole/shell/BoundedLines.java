package io.hsmconsole.shell;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of text read one at a time, each at most {@value #MAX_LINE_CHARS} characters: a script file or
 * piped input is streamed, so a huge file never sits in memory, and a file that has no line ends
 * ({@code /dev/zero}) or is not text fails on its first bad line with a sentence saying which and why.
 * The reader is expected to decode with replacement (as {@link java.io.InputStreamReader} does).
 */
public final class BoundedLines {
    /** Far above any command line a person or a script writes (a label has at most 127 characters). */
    public static final int MAX_LINE_CHARS = 65_536;
    /**
     * What a replacing decoder (an {@link java.io.InputStreamReader}'s) puts for bytes that are not
     * characters: found on the line they are on. (A reporting decoder would fail while filling its
     * buffer, lines ahead of the one at fault.)
     */
    private static final char UNDECODABLE = '\uFFFD';

    private final Reader in;
    private int lineNumber;

    public BoundedLines(Reader in) {
        this.in = in;
    }

    /**
     * The next line without its line end ({@code \n} or {@code \r\n}); null at the end of the input.
     *
     * @throws BadLineException a line too long, or not text (a NUL character, bytes that are not characters)
     */
    public String next() throws IOException {
        StringBuilder line = null;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line == null) {
                line = new StringBuilder();
            }
            if (c == 0) {
                throw new BadLineException(lineNumber + 1, "is not text (it holds a NUL byte)");
            }
            if (c == UNDECODABLE) {
                throw new BadLineException(lineNumber + 1, "is not text (it holds bytes that are not UTF-8)");
            }
            if (line.length() == MAX_LINE_CHARS) {
                throw new BadLineException(lineNumber + 1, "is longer than " + MAX_LINE_CHARS + " characters");
            }
            line.append((char) c);
        }
        if (line == null && c == -1) {
            return null;
        }
        lineNumber++;
        if (line == null) {
            return "";
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** A line that is not a command line: which one, and what is wrong with it. */
    public static final class BadLineException extends IOException {
        private final int lineNumber;
        private final String problem;

        BadLineException(int lineNumber, String problem) {
            super("line " + lineNumber + " " + problem);
            this.lineNumber = lineNumber;
            this.problem = problem;
        }

        public int lineNumber() {
            return lineNumber;
        }

        /** What is wrong, e.g. {@code is longer than 65536 characters}. */
        public String problem() {
            return problem;
        }
    }
}
