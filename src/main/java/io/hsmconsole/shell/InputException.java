package io.hsmconsole.shell;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The tool's input cannot be read as command lines; the launcher ends the run with this one line. */
public final class InputException extends UncheckedIOException {
    public InputException(String message, IOException cause) {
        super(message, cause);
    }
}
