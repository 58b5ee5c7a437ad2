package io.hsmconsole.shell.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a user's shell script from {@code src/test/resources/cli/} against {@code bin/cloudhsm-cli}
 * (on PATH, a fresh data folder in {@code temp}, single-command mode) and checks it ends with "ok".
 */
final class CliScripts {
    private CliScripts() {
    }

    /** {@code env}: variables the script sees (a null value removes one). */
    static void runsThrough(Path temp, String script, Map<String, String> env) throws Exception {
        Path file = Path.of("src", "test", "resources", "cli", script).toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(temp.toFile()).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        environment.put("PATH", Path.of("bin").toAbsolutePath() + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HSM_CONSOLE_DATA", temp.resolve("data").toString());
        environment.remove("HSM_CONSOLE_CLUSTER");
        env.forEach((k, v) -> {
            if (v == null) {
                environment.remove(k);
            } else {
                environment.put(k, v);
            }
        });
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.strip()).as(output).endsWith("ok");
    }
}
