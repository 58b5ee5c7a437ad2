package io.hsmconsole.shell.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

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
        CliScripts.runsThrough(temp, "migration-script.sh",
                Map.of("CLOUDHSM_ROLE", "crypto-user", "CLOUDHSM_PIN", "example_user:example_pwd"));
    }
}
