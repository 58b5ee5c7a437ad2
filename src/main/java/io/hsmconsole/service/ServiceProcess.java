package io.hsmconsole.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process that serves an endpoint, as the endpoint file names it: its pid and its start time as
 * Linux counts it (field 22 of {@code /proc/PID/stat}, clock ticks since boot), which no later process
 * with the same pid shares. A client sends nothing to the endpoint's port unless, after it connected,
 * this process {@linkplain #vouchesForItsPort() still runs}: while it runs it holds its listening socket
 * on 127.0.0.1 (the daemon closes it only by ending, {@link ClientService.Builder#listenUntilExit()}),
 * and Linux lets no other socket take a port a listener holds, so the connection reached it
 * (docs/security.md, "Client service"). {@code bin/service-client.sh}'s
 * {@code hsm_console_listener_is_ours} is the same rule in bash builtins.
 */
public record ServiceProcess(long pid, String startTicks) {
    /** The start time where there is no {@code /proc} (not Linux): nothing can vouch, clients rely on the proof. */
    static final String UNKNOWN = "-";
    private static final Path PROC = Path.of("/proc");
    /** {@code PF_EXITING}: the process is ending; its files (the listener) may be closed already. */
    private static final long EXITING = 0x4;
    // Fields of /proc/PID/stat after the command name, counted from 0 (state is field 3 of the whole line).
    private static final int STATE = 0;
    private static final int FLAGS = 6;
    private static final int START_TIME = 19;

    /** This process. */
    static ServiceProcess current() {
        long pid = ProcessHandle.current().pid();
        return new ServiceProcess(pid, read(pid).flatMap(ServiceProcess::startOf).orElse(UNKNOWN));
    }

    /** Whether this system shows processes as Linux does, so a client can check the endpoint's process. */
    static boolean canBeChecked() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    /**
     * Whether the process runs now, is this account's, is the one that wrote the endpoint (same start
     * time: not a later process that got its pid) and is not ending: then it holds the endpoint's port.
     */
    boolean vouchesForItsPort() {
        Path dir = PROC.resolve(Long.toString(pid));
        try {
            // The owner of /proc/PID is the process's effective uid; of /proc/self, ours.
            if (!Files.getAttribute(dir, "unix:uid").equals(Files.getAttribute(PROC.resolve("self"), "unix:uid"))) {
                return false;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
        return read(pid).filter(stat -> vouches(stat, startTicks)).isPresent();
    }

    /** The rule on one line of {@code /proc/PID/stat}: running (not a zombie), not ending, started at {@code start}. */
    static boolean vouches(String stat, String start) {
        String[] f = fieldsAfterName(stat);
        if (f.length <= START_TIME || UNKNOWN.equals(start)) {
            return false;
        }
        try {
            return !f[STATE].equals("Z") && !f[STATE].equals("X") && !f[STATE].equals("x")
                    && (Long.parseLong(f[FLAGS]) & EXITING) == 0 && f[START_TIME].equals(start);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> startOf(String stat) {
        String[] f = fieldsAfterName(stat);
        return f.length > START_TIME ? Optional.of(f[START_TIME]) : Optional.empty();
    }

    /** {@code PID (NAME) STATE PPID …}: the name may hold spaces and parentheses, so it ends at the last ") ". */
    private static String[] fieldsAfterName(String stat) {
        int end = stat.lastIndexOf(") ");
        return end < 0 ? new String[0] : stat.substring(end + 2).strip().split(" ");
    }

    private static Optional<String> read(long pid) {
        try {
            return Optional.of(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
