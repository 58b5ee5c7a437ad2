package io.hsmconsole.shell.kmu;

import io.hsmconsole.store.OwnerOnly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reading and writing the files of KMU commands (keys, wrapped keys, certificates, quorum tokens and
 * signatures), with one clear error line naming the file and what it is.
 */
final class KeyFiles {
    private KeyFiles() {
    }

    static Optional<byte[]> read(KmuContext context, String name) {
        return read(context, name, "key file");
    }

    /** {@code what} names the file in the error line, e.g. "token file". */
    static Optional<byte[]> read(KmuContext context, String name, String what) {
        Path file = context.file(name);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            context.printer().error("Error: cannot read the " + what + " " + name + ": " + describe(e));
            return Optional.empty();
        }
    }

    /** The reason of an I/O failure in words (a missing file's exception message is only its name). */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    static boolean write(KmuContext context, String name, byte[] content) {
        return write(context, name, content, "key file");
    }

    /**
     * Writes a file readable by its owner only: it may hold key material. The content goes into a
     * temporary file created owner-only (never, even for a moment, readable by others), which then
     * replaces {@code name} whole: a failure leaves any earlier file as it was, and no half file.
     */
    static boolean write(KmuContext context, String name, byte[] content, String what) {
        try {
            OwnerOnly.writeWhole(context.file(name), content);
            return true;
        } catch (IOException e) {
            context.printer().error("Error: cannot write the " + what + " " + name + ": " + describe(e));
            return false;
        }
    }
}
