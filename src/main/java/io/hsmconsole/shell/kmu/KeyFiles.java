package io.hsmconsole.shell.kmu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
        Path file = context.file(name);
        Path tmp = null;
        try {
            tmp = ownerOnlyTemporaryFile(file.toAbsolutePath().getParent());
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            deleteQuietly(tmp);
            context.printer().error("Error: cannot write the " + what + " " + name + ": " + describe(e));
            return false;
        }
    }

    private static Path ownerOnlyTemporaryFile(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, ".kmu-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, ".kmu-", ".part"); // Windows: the user's profile folder protects it
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The write already failed; that is what the user is told.
            }
        }
    }
}
