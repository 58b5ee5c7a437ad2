package io.hsmconsole.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Our command line as a script runs it: {@code bin/key_mgmt_util singlecmd loginHSM ... <command>},
 * one process per call, from the build output of {@code ./mvnw -DskipTests package}.
 */
final class OurCli {
    private static final List<String> LOGIN = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
            "-p", "example_pwd");

    private final Path launcher;
    private final Path service;

    OurCli(Path projectRoot) {
        this.launcher = projectRoot.resolve("bin").resolve("key_mgmt_util");
        this.service = projectRoot.resolve("bin").resolve("cloudhsm_client");
    }

    /**
     * {@link #keygen} with the client service of {@code dataDir} running ({@code bin/cloudhsm_client
     * start}, stopped after): the launcher sends each call to it instead of starting a JVM. Fails
     * unless the service served every call (a silent fallback to the JVM would measure the wrong thing).
     */
    List<Double> keygenThroughService(Path dataDir, int calls) {
        Commands.output(List.of(service.toString(), "--data-dir", dataDir.toString(), "start"), Map.of());
        try {
            List<Double> millis = keygen(dataDir, calls);
            String status = Commands.output(List.of(service.toString(), "--data-dir", dataDir.toString(), "status"),
                    Map.of());
            expect(status, "calls served  " + (calls + 1) + "\n");
            return millis;
        } finally {
            Commands.output(List.of(service.toString(), "--data-dir", dataDir.toString(), "stop"), Map.of());
        }
    }

    /** The seed's loop command: an AES-256 token key per call, on the demo cluster of {@code dataDir}. */
    List<Double> keygen(Path dataDir, int calls) {
        return Commands.timeCalls(command(dataDir, null, "genSymKey", "-l", "aes", "-t", "31", "-s", "32",
                "-min_srv", "1", "-timeout", "1"), Map.of(), calls, printed -> expect(printed, "Symmetric Key Created."));
    }

    /** {@code findKey} without criteria (every key the user can use) on a cluster holding {@code keys} keys. */
    List<Double> listAll(Path dataDir, int keys, int calls) {
        return Commands.timeCalls(command(dataDir, BenchClusters.NAME, "findKey"), Map.of(), calls,
                printed -> expect(printed, "Total number of keys present " + keys + "\n"));
    }

    private static void expect(String printed, String expected) {
        if (!printed.contains(expected)) {
            throw new IllegalStateException("key_mgmt_util did not print '" + expected.strip() + "':\n"
                    + printed.substring(0, Math.min(printed.length(), 400)));
        }
    }

    private List<String> command(Path dataDir, String cluster, String... tool) {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "--data-dir", dataDir.toString()));
        if (cluster != null) {
            command.addAll(List.of("--cluster", cluster));
        }
        command.addAll(LOGIN);
        command.addAll(List.of(tool));
        return command;
    }
}
