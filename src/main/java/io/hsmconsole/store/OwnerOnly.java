package io.hsmconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
