package io.hsmconsole.shell.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The token-sign quorum end to end, with outside judges: the walkthrough of the quorum pages
 * ({@code src/test/resources/cli/quorum-walkthrough.sh}) runs {@code bin/cloudhsm-cli} as three admins
 * would. OpenSSL makes their RSA-2048 keys and signs the registration tokens and the quorum tokens
 * ({@code openssl pkeyutl -sign -pkeyopt digest:sha256}, as the pages show); jq reads every answer and
 * adds the signatures to the token files. It registers the keys, sets the user service's quorum to 2,
 * is refused without approval, with one approval, with a forged one and with a used token, creates and
 * deletes a user with two approvals, lowers the quorum again with a quorum-service token, and deletes
 * tokens by scope; then two crypto users register keys and approve a signature with a key-usage token
 * (refused without, and with one of two approvals), which OpenSSL verifies. Needs openssl and jq (installed by {@code .ci/run}): without them it fails, loudly.
 */
class CliQuorumOpensslIT {
    @TempDir
    Path temp;

    @Test
    void theQuorumPagesWalkthroughRunsWithOpensslAsTheApproversTool() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HSM_CONSOLE_SERVICE", "off");
        env.put("CLOUDHSM_ROLE", null);
        env.put("CLOUDHSM_PIN", null);
        CliScripts.runsThrough(temp, "quorum-walkthrough.sh", env);
    }
}
