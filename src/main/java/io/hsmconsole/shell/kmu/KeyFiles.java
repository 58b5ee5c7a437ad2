package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.InputFiles;
import io.hsmconsole.store.OwnerOnly;

import java.io.IOException;
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
        InputFiles.Result read = InputFiles.read(context.file(name));
        if (read.bytes().isEmpty()) {
            context.printer().error("Error: cannot read the " + what + " " + name + ": " + read.reason());
        }
        return read.bytes();
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
            context.printer().error("Error: cannot write the " + what + " " + name + ": " + InputFiles.describe(e));
            return false;
        }
    }
}
