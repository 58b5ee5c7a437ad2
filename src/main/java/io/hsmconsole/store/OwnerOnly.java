package io.hsmconsole.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    /** What {@link #writeWhole(Path, Content)} writes: the content, streamed (it need not fit in memory). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to {@code target} whole and owner-only: into a temporary file beside it,
     * created 0600 (never readable by others, not even for a moment), which then replaces the target
     * in one move. A failure leaves any earlier file as it was, and no half file.
     */
    public static void writeWhole(Path target, byte[] content) throws IOException {
        writeWhole(target, out -> out.write(content));
    }

    /**
     * The one way to write a file a user names (an output file, an export). The temporary file gets a
     * fresh random name and is created exclusively ({@code O_EXCL}), so nothing another user planted
     * beside the target (a symbolic link at a predictable {@code X.part}, say) is ever opened; the move
     * replaces the directory entry of the target, so a link planted there is replaced, not followed,
     * and a file another user created there is replaced by ours instead of written into (where the
     * folder's sticky bit forbids replacing another user's entry, the move fails and nothing is
     * written).
     */
    public static void writeWhole(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".hsm-", ".part", fileAttributes(dir));
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** {@link #writeWhole(Path, Content)} for text: {@code content} writes UTF-8 characters. */
    public static void writeWholeText(Path target, TextContent content) throws IOException {
        writeWhole(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    /** What {@link #writeWholeText} writes. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
