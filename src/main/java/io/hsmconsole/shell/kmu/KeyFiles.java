package io.hsmconsole.shell.kmu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reading and writing the key files of exSymKey, imSymKey, wrapKey and unWrapKey, with one clear error line. */
final class KeyFiles {
    private KeyFiles() {
    }

    static Optional<byte[]> read(KmuContext context, String name) {
        Path file = context.file(name);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            context.printer().error("Error: cannot read the key file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes a file readable by its owner only: it may hold key material. */
    static boolean write(KmuContext context, String name, byte[] content) {
        Path file = context.file(name);
        try {
            Files.write(file, content);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the user's profile folder protects it.
            }
            return true;
        } catch (IOException e) {
            context.printer().error("Error: cannot write the key file " + file + ": " + e.getMessage());
            return false;
        }
    }
}
