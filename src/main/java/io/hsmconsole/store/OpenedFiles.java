package io.hsmconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a store checked when it was opened (its cluster folder, its master key, its database file),
 * as they were, so a store kept open can tell when it would no longer be opened as it was
 * ({@link ClusterStore#isCurrent}): a file replaced (another device and inode: a cluster deleted and
 * made anew, an imported one, a restored key), the master key rewritten (its time or size), or an owner
 * or permission changed (a fresh open checks those: {@link OwnedPaths}), so the holder opens it again
 * and the open's own checks decide. Links are not followed, as the open's checks do not.
 */
public final class OpenedFiles {
    /** What is compared of one file; the content's time and size only where asked. */
    private record Identity(Object fileKey, String owner, String permissions, Object modified, long size) {
    }

    private final List<Path> files;
    private final List<Boolean> content;
    private final List<Identity> opened;

    private OpenedFiles(List<Path> files, List<Boolean> content) {
        this.files = List.copyOf(files);
        this.content = List.copyOf(content);
        this.opened = identities();
    }

    /**
     * The cluster folder and its master key now, and {@code written}: files written in place by the
     * store (a database), compared by which file they are, not by content.
     */
    public static OpenedFiles of(Path clusterFolder, Path masterKey, Path... written) {
        List<Path> files = new ArrayList<>(List.of(clusterFolder, masterKey));
        List<Boolean> content = new ArrayList<>(List.of(false, true));
        for (Path p : written) {
            files.add(p);
            content.add(false);
        }
        return new OpenedFiles(files, content);
    }

    /** Whether every file is still the one, with the owner and permissions, it was at open (never a missing one). */
    public boolean unchanged() {
        List<Identity> now = identities();
        return opened.stream().allMatch(i -> i.fileKey() != null) && opened.equals(now);
    }

    private List<Identity> identities() {
        List<Identity> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ids.add(identity(files.get(i), content.get(i)));
        }
        return ids;
    }

    private static Identity identity(Path file, boolean withContent) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String owner = null;
            String permissions = null;
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                PosixFileAttributes p = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                owner = p.owner().getName();
                permissions = PosixFilePermissions.toString(p.permissions());
            }
            return new Identity(a.fileKey() == null ? file.toRealPath().toString() : a.fileKey(), owner, permissions,
                    withContent ? a.lastModifiedTime() : null, withContent ? a.size() : -1);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return new Identity(null, null, null, null, -1);
        }
    }
}
