package io.hsmconsole.shell;

import java.io.PrintWriter;

/**
 * Where a shell reads its lines and writes its output: a JLine terminal for people, or plain
 * line-by-line input for pipes, here-documents and tests. Both behave the same to the shell.
 */
public interface Console {
    /** Shows the prompt and reads one line; null at the end of input. */
    String readLine(String prompt);

    /** Reads a secret (a password) without showing it; null at the end of input. */
    char[] readSecret(String prompt);

    PrintWriter out();
}
