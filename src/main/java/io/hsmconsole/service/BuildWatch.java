package io.hsmconsole.service;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

/**
 * Whether the build changed since the service started: a file of its class path, of the project's
 * {@code target/} output or of its {@code bin/} launchers newer than the start. Then the service
 * would run older code than a launcher's JVM would, so it stops serving. Checked on the service
 * side for every request (a few hundred file times, about a millisecond), so the launcher script
 * needs no process of its own for it.
 */
final class BuildWatch {
    private final List<Path> roots;
    private final FileTime started;

    BuildWatch(List<Path> roots, Instant started) {
        this.roots = List.copyOf(roots);
        this.started = FileTime.from(started);
    }

    static BuildWatch none() {
        return new BuildWatch(List.of(), Instant.EPOCH);
    }

    /** The first file changed since the start, or null. */
    Path changedFile() {
        for (Path root : roots) {
            Path changed = changedUnder(root);
            if (changed != null) {
                return changed;
            }
        }
        return null;
    }

    private Path changedUnder(Path root) {
        if (!Files.exists(root)) {
            return null;
        }
        Path[] found = new Path[1];
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                // A folder's time too: package managers (dpkg, rpm) keep the packaged file times but
                // replace a file by renaming a new one into place, which sets the folder's time.
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return visitFile(dir, attrs);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.lastModifiedTime().compareTo(started) > 0) {
                        found[0] = file;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return root; // cannot tell: treat as changed, the launcher's JVM is always right
        }
        return found[0];
    }
}
