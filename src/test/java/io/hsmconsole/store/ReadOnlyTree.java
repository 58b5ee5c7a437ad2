package io.hsmconsole.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes a folder and everything in it read-only for this process, and undoes it on close.
 * Permission bits do not stop root, so as root (CI runs as root) the files are made immutable
 * with {@code chattr +i} instead. {@link #isEffective()} probes by trying to create a file: a test
 * must not claim to have checked a read-only folder it could not make.
 */
final class ReadOnlyTree implements AutoCloseable {
    private final Path root;
    private final Map<Path, Set<PosixFilePermission>> savedPermissions = new HashMap<>();
    private final List<Path> immutable = new ArrayList<>();

    private ReadOnlyTree(Path root) {
        this.root = root;
    }

    static ReadOnlyTree of(Path root) {
        ReadOnlyTree tree = new ReadOnlyTree(root);
        List<Path> paths = tree.paths();
        for (Path p : paths) {
            tree.removeWritePermission(p);
        }
        if (!tree.isEffective()) {
            for (Path p : paths) {
                if (run("chattr", "+i", p.toString())) {
                    tree.immutable.add(p);
                }
            }
        }
        return tree;
    }

    /** True when creating a file in the folder really fails. */
    boolean isEffective() {
        Path probe = root.resolve(".write-probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        for (Path p : immutable) {
            run("chattr", "-i", p.toString());
        }
        savedPermissions.forEach((path, perms) -> {
            try {
                Files.setPosixFilePermissions(path, perms);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<Path> paths() {
        try (Stream<Path> s = Files.walk(root)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeWritePermission(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            savedPermissions.put(p, Set.copyOf(perms));
            Set<PosixFilePermission> readOnly = new java.util.HashSet<>(perms);
            readOnly.removeAll(Set.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_WRITE));
            Files.setPosixFilePermissions(p, readOnly);
        } catch (UnsupportedOperationException | IOException e) {
            // No POSIX permissions here (Windows): the chattr route or the probe decides.
        }
    }

    /** Runs a command such as chattr; true when it exits with 0. */
    static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
