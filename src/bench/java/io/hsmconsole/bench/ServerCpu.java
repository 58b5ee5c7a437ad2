package io.hsmconsole.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time a PostgreSQL server on this machine spent, and this JVM's: every server process
 * {@code pg_stat_activity} lists (the backends and the WAL writer, checkpointer and the rest, as
 * PostgreSQL 10 and later list them) read from {@code /proc/PID/stat} (user + system). A work's cost
 * per unit is then its CPU, not its rate, which on a machine shared with others' builds moves with
 * their load far more than the CPU a key takes does.
 */
final class ServerCpu {
    private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

    /** Milliseconds of CPU of the server's processes and of this JVM at one moment. */
    record Sample(double serverMs, double clientMs) {
        Sample minus(Sample earlier) {
            return new Sample(serverMs - earlier.serverMs, clientMs - earlier.clientMs);
        }
    }

    private ServerCpu() {
    }

    static Sample sample(Connection admin) throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        double ticks = 0;
        for (long pid : pids) {
            ticks += ticksOf(pid);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Sample(ticks * TICK_MS, os.getProcessCpuTime() / 1e6);
    }

    /**
     * This JVM's threads by name (digits folded, so a pool's threads add up): milliseconds of user and
     * system CPU each, read from {@code /proc/self/task}.
     */
    static java.util.Map<String, double[]> threads() {
        java.util.Map<String, double[]> byName = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double[] sum = byName.computeIfAbsent(name, n -> new double[2]);
                    sum[0] += Long.parseLong(f[11]) * TICK_MS;
                    sum[1] += Long.parseLong(f[12]) * TICK_MS;
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    /** utime + stime of a process (0 once it is gone); the name in field 2 may hold spaces, so count after ")". */
    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
