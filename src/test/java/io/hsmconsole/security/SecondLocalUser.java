package io.hsmconsole.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another, unprivileged local account on this machine: the attacker of the security tests. The
 * tests run as root (CI does), create the account once with {@code useradd} and run the attacker's
 * commands with {@code runuser -u}. Where that is impossible (not root, no useradd) the test fails
 * with a message saying why: a security test that silently skips proves nothing.
 */
public final class SecondLocalUser {
    /** The attacker's account name. */
    public static final String NAME = "hsmtester";

    private SecondLocalUser() {
    }

    /** Makes sure the account exists; fails loudly when this process may not create or use it. */
    public static void require() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("security tests attack as a second local user and must run as root "
                    + "(CI does; locally: sudo ./mvnw -B verify), running as " + System.getProperty("user.name"));
        }
        if (run(List.of("id", "-u", NAME), 10).exitCode() == 0) {
            return;
        }
        Result made = run(List.of("useradd", "-m", NAME), 30);
        if (made.exitCode() != 0 && run(List.of("id", "-u", NAME), 10).exitCode() != 0) {
            throw new AssertionError("cannot create the local account " + NAME + ": " + made.output());
        }
    }

    /** The account's numeric uid. */
    public static int uid() {
        require();
        return Integer.parseInt(run(List.of("id", "-u", NAME), 10).output().trim());
    }

    /** Runs {@code command} as the second user (environment reset by runuser), with a time limit. */
    public static Result runAs(List<String> command, long timeoutSeconds) {
        require();
        List<String> full = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        full.addAll(command);
        return run(full, timeoutSeconds);
    }

    /** Starts {@code command} as the second user and leaves it running (stdout and stderr to {@code log}). */
    public static Process startAs(List<String> command, Path log) {
        require();
        List<String> full = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        full.addAll(command);
        try {
            return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + full, e);
        }
    }

    /**
     * A fresh folder both accounts can reach, like a shared {@code /tmp}: world-writable with the
     * sticky bit, under the system's temporary folder (a test's own folder may sit below paths the
     * second user cannot traverse).
     */
    public static Path sharedStickyFolder(String prefix) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            int exit = run(List.of("chmod", "+t", dir.toString()), 10).exitCode();
            if (exit != 0) {
                throw new AssertionError("cannot set the sticky bit on " + dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a finished command printed (stdout and stderr together) and its exit status. */
    public record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }
}
