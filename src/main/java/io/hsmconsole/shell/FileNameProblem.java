package io.hsmconsole.shell;

import java.nio.file.InvalidPathException;

/**
 * A file name typed into a shell that the system cannot use (a NUL character, say): the command
 * fails with one line saying so, and the session goes on. Control characters in the name are shown
 * as {@code ?} so the line itself stays printable.
 */
public final class FileNameProblem {
    private FileNameProblem() {
    }

    public static String describe(InvalidPathException e) {
        StringBuilder name = new StringBuilder();
        e.getInput().codePoints().forEach(c -> name.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return "'" + name + "' cannot be used as a file name: " + e.getReason();
    }
}
