package io.hsmconsole.shell.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token-sign quorum end to end, with outside judges: the walkthrough of the quorum pages
 * ({@code src/test/resources/cli/quorum-walkthrough.sh}) runs {@code bin/cloudhsm-cli} as three admins
 * would. OpenSSL makes their RSA-2048 keys and signs the registration tokens and the quorum tokens
 * ({@code openssl pkeyutl -sign -pkeyopt digest:sha256}, as the pages show); jq reads every answer and
 * adds the signatures to the token files. It registers the keys, sets the user service's quorum to 2,
 * is refused without approval, with one approval, with a forged one and with a used token, creates and
 * deletes a user with two approvals, lowers the quorum again with a quorum-service token, and deletes
 * tokens by scope. Needs openssl and jq (installed by {@code .ci/run}): without them it fails, loudly.
 */
class CliQuorumOpensslIT {
    @TempDir
    Path temp;

    @Test
    void theQuorumPagesWalkthroughRunsWithOpensslAsTheApproversTool() throws Exception {
        Path script = Path.of("src", "test", "resources", "cli", "quorum-walkthrough.sh").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(temp.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", Path.of("bin").toAbsolutePath() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HSM_CONSOLE_DATA", temp.resolve("data").toString());
        env.put("HSM_CONSOLE_SERVICE", "off");
        env.remove("HSM_CONSOLE_CLUSTER");
        env.remove("CLOUDHSM_ROLE");
        env.remove("CLOUDHSM_PIN");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.strip()).as(output).endsWith("ok");
    }
}
