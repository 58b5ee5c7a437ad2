package io.hsmconsole.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The data folder's trust rules against another local user (docs/security.md): what holds cluster
 * secrets must be ours, so nobody else can read it, plant a file for us to write into, or swap a
 * folder under us. Folders and files inside the data folder that belong to another user, and symbolic
 * links there, are refused with an error naming them: we never chmod, follow or write into them. Our
 * own folders are tightened to 0700 (as they were created). Checked on POSIX file systems; on others
 * (Windows) the user's profile folder is what protects the data.
 */
public final class OwnedPaths {
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static volatile UserPrincipal self;

    private OwnedPaths() {
    }

    /**
     * The data folder itself: the user chose it, so it is never chmod-ed, but it must be ours (or, like
     * {@code /tmp}, root's with the sticky bit), and not writable by everyone unless sticky: in such a
     * folder anyone could rename our {@code clusters} folder away and put theirs in its place.
     */
    public static void requireSafeRoot(Path root) {
        PosixFileAttributes a = attributesIfAny(root);
        if (a == null) {
            return;
        }
        requireRealFolder(root, a);
        boolean sticky = sticky(root);
        if (!a.owner().equals(self()) && !(sticky && a.owner().getName().equals("root"))) {
            throw foreign(root, a, "the data folder");
        }
        if (a.permissions().contains(PosixFilePermission.OTHERS_WRITE) && !sticky) {
            throw new StoreException(root, "the data folder is writable by every user (" + mode(a) + "), so another"
                    + " user could replace the clusters in it; nothing was written. Remove their write permission"
                    + " (chmod o-w) or choose another data folder with --data-dir or " + DataDirectory.ENV_VARIABLE);
        }
    }

    /** A folder inside the data folder: ours and a real folder (no link), then tightened to 0700. */
    public static void requireOwnFolder(Path dir) {
        PosixFileAttributes a = attributesIfAny(dir);
        if (a == null) {
            return;
        }
        requireRealFolder(dir, a);
        if (!a.owner().equals(self())) {
            throw foreign(dir, a, "this folder of the data folder");
        }
        if (a.permissions().stream().anyMatch(OPEN_TO_OTHERS::contains)) {
            try {
                OwnerOnly.restrictDirectory(dir);
            } catch (IOException e) {
                throw new StoreException(dir, "cannot make the folder owner-only", e);
            }
        }
    }

    /**
     * Every entry of a cluster folder: ours, and a file or folder rather than a link (a file planted
     * there by another user while the folder was open would be read as ours, or written into).
     */
    public static void requireOwnEntries(Path dir) {
        if (!posix(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                requireOwnEntry(entry);
            }
        } catch (NoSuchFileException e) {
            // Nothing in it yet.
        } catch (IOException e) {
            throw new StoreException(dir, "cannot list the cluster folder", e);
        }
    }

    /**
     * A file that holds a secret (the cluster's master key): ours, a regular file, and readable by us
     * alone. A mode that lets others read it is refused rather than tightened: whoever could read it
     * can decrypt every key of the cluster, so the user must know, and decide (docs/security.md).
     */
    public static void requirePrivateFile(Path file, String what) {
        PosixFileAttributes a = attributesIfAny(file);
        if (a == null) {
            return;
        }
        requireOwnEntry(file);
        if (!a.isRegularFile()) {
            throw new StoreException(file, what + " is not a regular file; it was left untouched");
        }
        if (a.permissions().stream().anyMatch(OPEN_TO_OTHERS::contains)) {
            throw new StoreException(file, what + " is open to other users (mode " + mode(a) + "): whoever read it can"
                    + " decrypt every key of this cluster, so it is not used. If no one else could have read it, make"
                    + " it owner-only (chmod 600) and run again; it was left untouched");
        }
    }

    private static void requireOwnEntry(Path entry) {
        PosixFileAttributes a = attributesIfAny(entry);
        if (a == null) {
            return;
        }
        if (a.isSymbolicLink()) {
            throw new StoreException(entry, "a symbolic link in the cluster folder is refused: the store's files must"
                    + " be the files in this folder, not wherever a link points; it was left untouched");
        }
        if (!a.owner().equals(self())) {
            throw foreign(entry, a, "this file of the cluster folder");
        }
    }

    private static void requireRealFolder(Path dir, PosixFileAttributes a) {
        if (a.isSymbolicLink()) {
            throw new StoreException(dir, "a symbolic link is refused inside the data folder: whoever controls where"
                    + " it points could read or replace the clusters; nothing was written");
        }
        if (!a.isDirectory()) {
            throw new StoreException(dir, "not a folder; nothing was written");
        }
    }

    private static StoreException foreign(Path path, PosixFileAttributes a, String what) {
        return new StoreException(path, what + " belongs to the user " + a.owner().getName() + ", not to you ("
                + self().getName() + "): another user could read or replace what is kept there, so nothing was"
                + " written. Remove it (or have its owner remove it), or choose another data folder with --data-dir"
                + " or " + DataDirectory.ENV_VARIABLE);
    }

    /** The attributes of the path itself (a link is not followed); null when there is nothing or no POSIX. */
    private static PosixFileAttributes attributesIfAny(Path path) {
        if (!posix(path)) {
            return null;
        }
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException(path, "cannot read the owner and permissions", e);
        }
    }

    private static boolean sticky(Path dir) {
        try {
            return (((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 01000) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String mode(PosixFileAttributes a) {
        return PosixFilePermissions.toString(a.permissions());
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Who we are to the file system: the owner of a file we create. (A process whose uid has no name,
     * as in a container started with {@code -u 1234}, has no user name to look up.)
     */
    static UserPrincipal self() {
        UserPrincipal known = self;
        if (known != null) {
            return known;
        }
        try {
            Path probe = Files.createTempFile("hsm-owner-", ".probe");
            try {
                known = Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            try {
                known = FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name"));
            } catch (IOException notFound) {
                notFound.addSuppressed(e);
                throw new UncheckedIOException("cannot tell which user this process runs as", notFound);
            }
        }
        self = known;
        return known;
    }
}
