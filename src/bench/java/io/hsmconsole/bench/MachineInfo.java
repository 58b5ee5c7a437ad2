package io.hsmconsole.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.FileStore;
import java.nio.file.Path;

/**
 * What the figures were measured on, printed with them so they can be compared fairly. The load
 * average matters as much as the hardware: other processes on a 2-core machine halve every figure.
 */
record MachineInfo(int cpus, long memoryBytes, String jdk, String os, String benchDir, String fileSystem) {

    static MachineInfo collect(Path benchDir) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory, jdk, os,
                benchDir.toString(), fileSystemOf(benchDir));
    }

    private static String fileSystemOf(Path dir) {
        try {
            Files.createDirectories(dir);
            FileStore store = Files.getFileStore(dir);
            return store.type() + " (" + store.name() + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The 1-minute load average, or -1 where the platform does not tell. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String describe() {
        return "cpus " + cpus + ", memory " + (memoryBytes < 0 ? "unknown" : (memoryBytes >> 20) + " MiB")
                + ", " + jdk + ", " + os + "; data in " + benchDir + " on " + fileSystem;
    }
}
