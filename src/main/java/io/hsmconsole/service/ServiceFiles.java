package io.hsmconsole.service;

import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.OwnerOnly;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The client service's files in {@code <data folder>/service/}, all owner-only from their first byte:
 * <ul>
 *   <li>{@code endpoint}: six lines, the loopback port, the request secret (64 hex digits), the
 *       project folder the service runs from, the service's proof (64 hex digits, the first line it
 *       sends on every connection), and its process: pid and start time ({@link ServiceProcess}). Its
 *       modification time is the service's start.</li>
 *   <li>{@code pid}: the service's process id.</li>
 *   <li>{@code lock}: held by the running service; the system releases it when the process dies, so a
 *       killed service's leftover endpoint is recognisably stale.</li>
 *   <li>{@code log}: the service's own messages (its SLF4J log and anything its JVM prints), owner-only.</li>
 *   <li>{@code build-watch/touched}: the file each request's check of the build touches ({@link BuildWatch}),
 *       removed when the service stops.</li>
 * </ul>
 */
public final class ServiceFiles {
    private final Path dir;

    public ServiceFiles(DataDirectory data) {
        this.dir = data.root().resolve("service");
    }

    public Path dir() {
        return dir;
    }

    public Path endpoint() {
        return dir.resolve("endpoint");
    }

    public Path pid() {
        return dir.resolve("pid");
    }

    public Path log() {
        return dir.resolve("log");
    }

    Path buildWatchFolder() {
        return dir.resolve("build-watch");
    }

    Path lock() {
        return dir.resolve("lock");
    }

    /** Creates the folder owner-only (and its missing parents, as the store does). */
    public void createFolder() throws IOException {
        OwnerOnly.createDirectories(dir);
    }

    /** Writes the endpoint and pid files whole (a private name first, then moved into place). */
    void publish(Endpoint endpoint, Instant started) throws IOException {
        writeOwnerOnly(pid(), endpoint.process().pid() + "\n");
        writeOwnerOnly(endpoint(), endpoint.port() + "\n" + endpoint.secret() + "\n" + endpoint.projectRoot() + "\n"
                + endpoint.proof() + "\n" + endpoint.process().pid() + "\n" + endpoint.process().startTicks() + "\n");
        Files.setLastModifiedTime(endpoint(), FileTime.from(started));
    }

    /** Removes the endpoint and pid files when they still name this service (a newer one may have replaced them). */
    void withdraw(Endpoint endpoint) {
        try {
            if (readEndpoint().filter(endpoint::equals).isPresent()) {
                Files.deleteIfExists(endpoint());
                Files.deleteIfExists(pid());
            }
        } catch (IOException e) {
            // The files stay; clients find the port closed and fall back, the next start replaces them.
        }
    }

    /**
     * The log, ready for the service's output to be appended: created owner-only, or tightened to
     * owner-only when an earlier version left it readable by others. A link in its place is refused:
     * the service folder is the owner's, so only the owner could have made it, but the log must not
     * write through it.
     */
    public Path ownerOnlyLog() throws IOException {
        createFolder();
        Path log = log();
        if (Files.isSymbolicLink(log)) {
            throw new IOException(log + " is a symbolic link; remove it so the service can write its own log");
        }
        if (!Files.exists(log, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(log, OwnerOnly.fileAttributes(dir));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another start made it at the same moment: tightened below like any existing log.
            }
        }
        OwnerOnly.restrictFile(log);
        return log;
    }

    /** Removes what a killed service left behind; only called while holding the lock. */
    void removeLeftovers() throws IOException {
        Files.deleteIfExists(endpoint());
        Files.deleteIfExists(pid());
    }

    public Optional<Endpoint> readEndpoint() throws IOException {
        if (!Files.isRegularFile(endpoint())) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(endpoint(), StandardCharsets.UTF_8);
        if (lines.size() < 6 || !lines.get(0).matches("\\d{1,5}") || !lines.get(3).matches("[0-9a-f]{64}")
                || !lines.get(4).matches("\\d{1,18}")) {
            return Optional.empty(); // also an older service's file: its clients speak another protocol
        }
        return Optional.of(new Endpoint(Integer.parseInt(lines.get(0)), lines.get(1), lines.get(2), lines.get(3),
                new ServiceProcess(Long.parseLong(lines.get(4)), lines.get(5))));
    }

    public Optional<Long> readPid() throws IOException {
        if (!Files.isRegularFile(pid())) {
            return Optional.empty();
        }
        String text = Files.readString(pid(), StandardCharsets.UTF_8).strip();
        return text.matches("\\d{1,19}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    /** The lock a running service holds; empty when another process holds it. The caller closes it. */
    Optional<HeldLock> tryLock() throws IOException {
        createFolder();
        FileChannel channel = FileChannel.open(lock(), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnly.fileAttributes(dir));
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new HeldLock(channel));
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        }
    }

    /** Whether a service process holds the lock right now. */
    public boolean running() throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        Optional<HeldLock> lock = tryLock();
        lock.ifPresent(HeldLock::close);
        return lock.isEmpty();
    }

    private void writeOwnerOnly(Path target, String text) throws IOException {
        OwnerOnly.writeWhole(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The service's lock file, held open. */
    static final class HeldLock implements AutoCloseable {
        private final FileChannel channel;

        HeldLock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock; nothing else to do.
            }
        }
    }
}
