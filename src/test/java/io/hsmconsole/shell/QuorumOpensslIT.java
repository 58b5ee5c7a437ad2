package io.hsmconsole.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the quorum worked example of docs/command-line.md as it stands in the document (the
 * {@code sh} block after the {@code quorum-example} marker), with real {@code openssl} and the
 * {@code bin/} launchers, in an empty folder and data directory. Skipped when openssl is missing.
 */
class QuorumOpensslIT {
    private static final Path DOC = Path.of("docs", "command-line.md").toAbsolutePath();
    private static final Path BIN = Path.of("bin").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void theDocumentedOpensslFlowApprovesTheTokenAndTheExportWorks() throws Exception {
        assumeTrue(opensslInstalled(), "openssl is not installed");
        Path script = temp.resolve("example.sh");
        Files.writeString(script, example());
        ProcessBuilder pb = new ProcessBuilder("sh", "-eu", script.toString()).directory(temp.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", BIN + java.io.File.pathSeparator + System.getenv("PATH"));
        pb.environment().put("HSM_CONSOLE_DATA", temp.resolve("data").toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.split("registerQuorumPubKey success on server 0\\(10\\.0\\.0\\.1\\)", -1)).as(out).hasSize(3);
        String[] commands = out.split("Command String: ");
        assertThat(commands[4]).as(out).startsWith("exSymKey").contains("returned: 0x40000013");
        assertThat(commands[6]).as(out).startsWith("approveToken")
                .contains("Approval by example_user recorded: token 1 has 1 of 2 approvals",
                        "Approval by carol recorded: token 1 has 2 of 2 approvals");
        assertThat(commands[7]).as(out).startsWith("exSymKey").contains("Cfm3WrapKey returned: 0x00 : HSM Return: SUCCESS",
                "Wrapped Symmetric Key written to file \"guarded.key\"");
        assertThat(Files.size(temp.resolve("guarded.key"))).isEqualTo(32);
    }

    /** The {@code sh} block that follows the marker in the document. */
    private static String example() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("<!-- quorum-example")) {
                marker = i;
            }
        }
        assertThat(marker).as("the quorum-example marker in " + DOC).isNotNegative();
        assertThat(lines.get(marker + 1)).isEqualTo("```sh");
        StringBuilder block = new StringBuilder();
        for (int i = marker + 2; !lines.get(i).equals("```"); i++) {
            block.append(lines.get(i)).append('\n');
        }
        return block.toString();
    }

    private static boolean opensslInstalled() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
