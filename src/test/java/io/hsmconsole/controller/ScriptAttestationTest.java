package io.hsmconsole.controller;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5: an attestation made by a {@code key_mgmt_util} script — a real second JVM — reaches a
 * running console with the watcher's next check: verdict, reason and time, on the node that served it.
 */
class ScriptAttestationTest {
    @TempDir
    Path dir;
    ControllerFixture f;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.clusterView.watch();
        f.runner.runRepeatedChecks();
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aScriptsAttestedGenSymKeyShowsAsTheServingNodesLastAttestation() throws Exception {
        // Only node 0 is online, so it serves the script's command; its firmware is modified.
        f.cluster.setNodeOnline(1, false);
        f.cluster.setNodeOnline(2, false);
        f.cluster.tamperFirmware(0);
        f.runner.runRepeatedChecks();
        assertThat(f.clusterView.snapshotProperty().get().lastAttestation(0)).isEmpty();

        Script run = Script.run(dir, "singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p", "example_pwd",
                "genSymKey", "-t", "31", "-s", "32", "-l", "from_script", "-attest");
        assertThat(run.output()).as("the script's output").contains("Attestation Check : [FAIL]")
                .contains("Symmetric Key Created.  Key Handle: ");

        f.runner.runRepeatedChecks();

        NodeAttestation seen = f.clusterView.snapshotProperty().get().lastAttestation(0).orElseThrow();
        assertThat(seen.passed()).isFalse();
        assertThat(seen.reason()).startsWith("measurement mismatch");
        assertThat(seen.timeMillis()).isBetween(run.startedMillis(), run.endedMillis());
        assertThat(seen.measuredHex()).isNotEqualTo(seen.expectedHex());
        assertThat(seen.manufacturerChain()).hasSize(3);
        assertThat(f.clusterView.snapshotProperty().get().lastAttestation(1)).isEmpty();
    }

    /** {@code key_mgmt_util} in its own JVM on the test's class path and data directory. */
    record Script(String output, long startedMillis, long endedMillis) {
        static Script run(Path dataDir, String... args) throws IOException, InterruptedException {
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.hsmconsole.app.KmuMain",
                    "--data-dir", dataDir.toString()));
            command.addAll(List.of(args));
            long started = System.currentTimeMillis();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(100, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("key_mgmt_util did not end; it printed: " + output);
            }
            return new Script(output, started, System.currentTimeMillis());
        }
    }
}
