package io.hsmconsole.shell.cli;

/** A command line the CLI cannot read: {@code text} is the clap-style block to print; exit status 2. */
final class CliUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    CliUsageException(String text) {
        super(text, null, false, false);
    }

    String text() {
        return getMessage();
    }
}
