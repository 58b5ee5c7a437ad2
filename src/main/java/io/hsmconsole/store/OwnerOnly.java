package io.hsmconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files 0600 and folders 0700 where the file system knows POSIX permissions. */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    public static void createDirectories(Path dir) throws IOException {
        Path missingFrom = dir;
        while (missingFrom.getParent() != null && !Files.exists(missingFrom.getParent())) {
            missingFrom = missingFrom.getParent();
        }
        Files.createDirectories(dir);
        // Only folders we created are tightened; an existing parent such as ~/.local/share is not ours.
        for (Path p = dir; p != null && p.startsWith(missingFrom); p = p.getParent()) {
            restrictDirectory(p);
        }
        restrictDirectory(dir);
    }

    public static void restrictDirectory(Path dir) throws IOException {
        if (supportsPosix(dir)) {
            Files.setPosixFilePermissions(dir, DIR);
        }
    }

    public static void restrictFile(Path file) throws IOException {
        if (supportsPosix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /**
     * The attributes that create a file 0600 in {@code dir} from its first byte (none where the file
     * system has no POSIX permissions: on Windows the user's profile folder protects it).
     */
    public static FileAttribute<?>[] fileAttributes(Path dir) {
        return supportsPosix(dir)
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Writes {@code content} to {@code target} whole and owner-only: into a temporary file beside it,
     * created 0600 (never readable by others, not even for a moment), which then replaces the target
     * in one move. A failure leaves any earlier file as it was, and no half file.
     */
    public static void writeWhole(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".hsm-", ".part", fileAttributes(dir));
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
