package io.hsmconsole.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Whether the build changed since the service started: a file of its class path, of the project's
 * {@code target/} output or of its {@code bin/} launchers written, added, removed or given another
 * time. Then the service would run older code than a launcher's JVM would, so it stops serving.
 * Checked on the service side for every request, so the launcher script needs no process of its own.
 *
 * <p>The system tells of every change (inotify, through a {@link WatchService} on each folder, set up
 * once), so a check reads no file times: it touches a file of its own in a watched folder of the
 * service and waits for that change's event. The system queues a watch's events in order, so once
 * that event came, every change made before the check (a build finished before the launcher
 * started) has been reported too. This also notices what file times cannot: a file rewritten and
 * given back an older time (an archive unpacked over the build). Where there is no watch service
 * (or the system's limit of watches is reached), each check walks the files' times as before: a
 * file or folder newer than the start.
 */
final class BuildWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BuildWatch.class);
    /** How long a check waits for its own event before it takes the build as changed (the JVM is always right). */
    private static final long BARRIER_WAIT_MS = 2_000;

    private final List<Path> roots;
    private final FileTime started;
    private final Watch watch;
    private Path changed;

    /**
     * @param roots     the build's files and folders (a folder's whole tree counts)
     * @param started   when the service began running the build
     * @param ownFolder a folder of the service's own (created if missing) for the file each check
     *                  touches; null: each check walks the file times
     */
    BuildWatch(List<Path> roots, Instant started, Path ownFolder) {
        this.roots = List.copyOf(roots);
        this.started = FileTime.from(started);
        this.watch = roots.isEmpty() || ownFolder == null ? null : Watch.open(this.roots, ownFolder);
        // Changes before the watches were set up, since the start.
        this.changed = walk();
    }

    static BuildWatch none() {
        return new BuildWatch(List.of(), Instant.EPOCH, null);
    }

    /** Whether changes are reported by the system (else each check walks the file times). */
    boolean watched() {
        return watch != null;
    }

    /** The first file changed since the start, or null. */
    synchronized Path changedFile() {
        if (changed == null) {
            changed = watch != null ? watch.changed() : walk();
        }
        return changed;
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }

    private Path walk() {
        for (Path root : roots) {
            Path found = newerUnder(root);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private Path newerUnder(Path root) {
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

    /** The watches: every folder of the build's trees, the folder of each of its single files, and the check's own. */
    private static final class Watch {
        private final WatchService service;
        /** The folders of the build's trees, where every entry counts. */
        private final Set<WatchKey> wholeFolders = new HashSet<>();
        /** The other watched folders: the names in them that count (the build's single files). */
        private final Map<WatchKey, Set<Path>> names = new HashMap<>();
        private final Map<WatchKey, Path> folders = new HashMap<>();
        private final Path touched;
        private WatchKey own;

        private Watch(WatchService service, Path touched) {
            this.service = service;
            this.touched = touched;
        }

        static Watch open(List<Path> roots, Path ownFolder) {
            WatchService service;
            try {
                service = FileSystems.getDefault().newWatchService();
            } catch (IOException | UnsupportedOperationException e) {
                LOG.info("no watch service ({}): each call walks the build's file times", e.getMessage());
                return null;
            }
            Watch watch = new Watch(service, ownFolder.resolve("touched"));
            try {
                Files.createDirectories(ownFolder);
                Files.write(watch.touched, new byte[0]);
                watch.own = ownFolder.register(service, StandardWatchEventKinds.ENTRY_MODIFY);
                for (Path root : roots) {
                    watch.register(root);
                }
                return watch;
            } catch (IOException | RuntimeException e) {
                LOG.info("the build cannot be watched ({}): each call walks its file times", e.toString());
                watch.close();
                return null;
            }
        }

        private void register(Path root) throws IOException {
            if (Files.isDirectory(root)) {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        watchFolder(dir, null);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else if (root.getParent() != null && Files.isDirectory(root.getParent())) {
                watchFolder(root.getParent(), root.getFileName()); // a jar, or a folder yet to be made
            }
        }

        private void watchFolder(Path dir, Path name) throws IOException {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            folders.put(key, dir);
            if (name == null) {
                wholeFolders.add(key);
            } else {
                names.computeIfAbsent(key, k -> new HashSet<>()).add(name);
            }
        }

        /** Touches the check's own file, then takes the events up to its own: the first build file among them, or null. */
        Path changed() {
            try {
                Files.setLastModifiedTime(touched, FileTime.from(Instant.now()));
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BARRIER_WAIT_MS);
                while (true) {
                    WatchKey key = service.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (key == null) {
                        return touched; // our own change was not reported: cannot tell
                    }
                    List<WatchEvent<?>> events = key.pollEvents();
                    boolean valid = key.reset();
                    if (key == own) {
                        if (events.stream().anyMatch(e -> touched.getFileName().equals(e.context()))) {
                            return null;
                        }
                        continue;
                    }
                    Path build = changeIn(key, events, valid);
                    if (build != null) {
                        return build;
                    }
                }
            } catch (IOException | ClosedWatchServiceException e) {
                return touched; // cannot tell: treat as changed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return touched;
            }
        }

        private Path changeIn(WatchKey key, List<WatchEvent<?>> events, boolean valid) {
            Path dir = folders.get(key);
            for (WatchEvent<?> event : events) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    return dir; // events were lost: cannot tell
                }
                Path name = (Path) event.context();
                if (wholeFolders.contains(key) || names.getOrDefault(key, Set.of()).contains(name)) {
                    return dir.resolve(name);
                }
            }
            return valid ? null : dir; // the folder itself went away (a clean build)
        }

        /** Stops watching and removes the check's file and folder: a stopped service leaves only its log and lock. */
        void close() {
            try {
                service.close();
                Files.deleteIfExists(touched);
                Files.deleteIfExists(touched.getParent());
            } catch (IOException e) {
                // Closing anyway; the next service of the folder uses them again.
            }
        }
    }
}
