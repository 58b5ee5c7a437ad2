package io.hsmconsole.security;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.audit.AuditChain;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.AuditRecord;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, cases 11 and 14: another local user leaves a "script" in a shared folder for us to run
 * (or we pipe their file in): {@code /dev/zero} behind a link, one endless line, binary bytes, a
 * command with a huge label. Each ends with one line saying which line is wrong and why, never an
 * OutOfMemoryError, never "Failed to open" for a file that opened; what the audit log keeps of the
 * refused huge label is bounded and says it was cut, and the chain still verifies.
 */
class ScriptInputAttackTest {
    private AttackScene scene;
    private Path shared;
    private Path work;
    private Path data;

    @BeforeEach
    void folders() throws IOException {
        scene = AttackScene.create("script");
        shared = scene.shared;
        work = scene.work;
        data = work.resolve("data");
    }

    @AfterEach
    void clean() throws IOException {
        scene.close();
    }

    @Test
    void devZeroBehindAPlantedLinkIsOneLineOfError() {
        Path script = shared.resolve("nightly.kmu");
        scene.attacker("ln -s /dev/zero " + script);

        KmuRun run = KmuRun.of(data, work, List.of("scriptfile", script.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.output()).as(run.toString()).contains("Error: line 1 of script file " + script
                + " is not text (it holds a NUL byte); the script stopped there.").doesNotContain("Failed to open");
    }

    @Test
    void anEndlessLineStopsAtTheLimit() {
        Path script = shared.resolve("endless.kmu");
        scene.attacker("head -c 20000000 /dev/zero | tr '\\0' a > " + script);

        KmuRun run = KmuRun.of(data, work, List.of("scriptfile", script.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.output()).contains("Error: line 1 of script file " + script + " is longer than "
                + "65536 characters; the script stopped there.");
    }

    @Test
    void aBinaryScriptIsSaidToBeNotTextNotUnopenable() {
        Path script = shared.resolve("binary.kmu");
        // A valid first line, then bytes that are not UTF-8 (0xff never is) on line 2.
        scene.attacker("printf 'getHSMInfo\\n\\377\\376\\375 binary\\n' > " + script);

        KmuRun run = KmuRun.of(data, work, List.of("scriptfile", script.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.output()).as(run.toString()).contains("Command String: getHSMInfo")
                .contains("Error: line 2 of script file " + script + " is not text (it holds bytes that are not"
                        + " UTF-8); the script stopped there.").doesNotContain("Failed to open");
    }

    @Test
    void pipedDevZeroEndsBothToolsWithOneLine() throws IOException {
        for (String tool : List.of("key_mgmt_util", "cloudhsm_mgmt_util")) {
            ShellLauncher launcher = tool.equals("key_mgmt_util")
                    ? new ShellLauncher(new SqliteBackend(), tool, KmuShell::completions, KmuShell::tool)
                    : new ShellLauncher(new SqliteBackend(), tool, CmuShell::completions, CmuShell::tool);
            StringWriter out = new StringWriter();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (BufferedReader zeros = new BufferedReader(new InputStreamReader(new FileInputStream("/dev/zero"),
                    StandardCharsets.UTF_8)); PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                int code = launcher.runTool(new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM),
                        new StartupOptions(data.toString(), null, List.of()), new PlainConsole(zeros,
                                new PrintWriter(out)), work, errors);
                assertThat(code).as(tool).isEqualTo(1);
            }
            assertThat(err.toString(StandardCharsets.UTF_8)).as(tool)
                    .isEqualTo(tool + ": error: cannot read the input: line 1 is not text (it holds a NUL byte)\n");
        }
    }

    @Test
    void aHugeRefusedLabelIsKeptBoundedInTheAuditLogAndTheChainHolds() throws IOException {
        String label = "L".repeat(1 << 20);
        Path script = shared.resolve("label.kmu");
        scene.attacker("printf 'loginHSM -u CU -s example_user -p example_pwd\\ngenSymKey -t 31 -s 32 -l ' > " + script
                + " && head -c 60000 /dev/zero | tr '\\0' L >> " + script + " && echo >> " + script);

        List<String> huge = new ArrayList<>(List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p",
                "example_pwd", "genSymKey", "-t", "31", "-s", "32", "-l", label));
        KmuRun oneMegabyte = KmuRun.of(data, work, huge);
        KmuRun fromScript = KmuRun.of(data, work, List.of("scriptfile", script.toString()));
        assertThat(oneMegabyte.output()).as("the label is refused").doesNotContain("Key Handle");
        assertThat(fromScript.output()).as("the label is refused").doesNotContain("Key Handle");

        try (HsmCluster cluster = new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM).open("demo")) {
            List<AuditRecord> genSymKeys = cluster.auditLog().records(0, 1_000).stream()
                    .filter(r -> r.command().equals("genSymKey")).toList();
            assertThat(genSymKeys).hasSize(2);
            assertThat(genSymKeys.get(0).arguments()).hasSizeLessThan(1_100)
                    .endsWith("…[cut: " + (label.length() + "-t 31 -s 32 -l ".length()) + " characters in all]");
            assertThat(genSymKeys.get(1).arguments()).hasSizeLessThan(1_100)
                    .endsWith("…[cut: " + (60_000 + "-t 31 -s 32 -l ".length()) + " characters in all]");
            AuditChain.Verification v = cluster.auditLog().verify();
            assertThat(v.intact()).as(v.reason()).isTrue();
        }
        assertThat(Files.size(data.resolve("clusters/demo/cluster.db"))).as("the store did not grow by the label")
                .isLessThan(1 << 20);
    }

}
