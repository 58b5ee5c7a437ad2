package io.hsmconsole.shell.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside judge of the CLI's JSON: a migration script of the kind users write against the real
 * cloudhsm-cli ({@code src/test/resources/cli/migration-script.sh}) parses every answer with
 * {@code jq} and runs against {@code bin/cloudhsm-cli} (single-command mode, credentials from
 * {@code CLOUDHSM_ROLE}/{@code CLOUDHSM_PIN}). Needs jq (installed by {@code .ci/run}): without it
 * the script fails, loudly.
 */
class CliJqScriptIT {
    @TempDir
    Path temp;

    @Test
    void aMigrationScriptParsingEveryAnswerWithJqRunsThrough() throws Exception {
        Path script = Path.of("src", "test", "resources", "cli", "migration-script.sh").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(temp.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", Path.of("bin").toAbsolutePath() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HSM_CONSOLE_DATA", temp.resolve("data").toString());
        env.remove("HSM_CONSOLE_CLUSTER");
        env.put("CLOUDHSM_ROLE", "crypto-user");
        env.put("CLOUDHSM_PIN", "example_user:example_pwd");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.strip()).as(output).endsWith("ok");
    }
}
