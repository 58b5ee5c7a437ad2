package io.hsmconsole.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The CloudHSM CLI as a script runs it: {@code bin/cloudhsm-cli key generate-symmetric aes …} with
 * {@code CLOUDHSM_ROLE}/{@code CLOUDHSM_PIN} set, one process per call: a JVM per call, or through the
 * client daemon ({@code bin/cloudhsm_client start}).
 */
final class OurCloudHsmCli {
    private static final Map<String, String> CU = Map.of("CLOUDHSM_ROLE", "crypto-user",
            "CLOUDHSM_PIN", "example_user:example_pwd");

    private final Path launcher;
    private final Path service;

    OurCloudHsmCli(Path projectRoot) {
        this.launcher = projectRoot.resolve("bin").resolve("cloudhsm-cli");
        this.service = projectRoot.resolve("bin").resolve("cloudhsm_client");
    }

    /** An AES-256 token key per call, each in a JVM of its own (the daemon is off for these calls). */
    List<Double> keygen(Path dataDir, int calls) {
        Map<String, String> env = new java.util.HashMap<>(CU);
        env.put("HSM_CONSOLE_SERVICE", "off");
        return time(dataDir, calls, env);
    }

    /**
     * The same through the daemon of {@code dataDir}, started with {@code startOptions} (e.g.
     * {@code --disable-key-availability-check}); fails unless it served every call.
     */
    List<Double> keygenThroughService(Path dataDir, int calls, String... startOptions) {
        List<String> start = new java.util.ArrayList<>(List.of(service.toString(), "--data-dir", dataDir.toString(), "start"));
        start.addAll(List.of(startOptions));
        Commands.output(start, Map.of());
        try {
            List<Double> millis = time(dataDir, calls, CU);
            String status = Commands.output(List.of(service.toString(), "--data-dir", dataDir.toString(), "status"),
                    Map.of());
            if (!status.contains("calls served  " + (calls + 1) + "\n")) {
                throw new IllegalStateException("the daemon did not serve every cloudhsm-cli call:\n" + status);
            }
            return millis;
        } finally {
            Commands.output(List.of(service.toString(), "--data-dir", dataDir.toString(), "stop"), Map.of());
        }
    }

    private List<Double> time(Path dataDir, int calls, Map<String, String> env) {
        return Commands.timeCalls(List.of(launcher.toString(), "--data-dir", dataDir.toString(), "key", "generate-symmetric",
                "aes", "--label", "aes", "--key-length-bytes", "32"), env, calls, printed -> {
                    if (!printed.contains("\"error_code\": 0")) {
                        throw new IllegalStateException("cloudhsm-cli did not make the key:\n" + printed);
                    }
                });
    }
}
