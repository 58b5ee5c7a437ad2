package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.ToolContext;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code key generate-symmetric} under Client SDK 5's key availability check, on the demo cluster's
 * latencies (50/150/250 ms) and a manual clock: by default the command returns once a second HSM holds
 * the key; with configure-cli's {@code --disable-key-availability-check} (the data folder's
 * {@link CliConfiguration}), or in a daemon started with it, it returns at once and {@code cluster-coverage}
 * says what is true then.
 */
class CliKeyAvailabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CU = Map.of(CliShell.ROLE_VARIABLE, "crypto-user",
            CliShell.PIN_VARIABLE, "example_user:example_pwd");
    private static final List<String> KEYGEN = List.of("key", "generate-symmetric", "aes", "--label", "k",
            "--key-length-bytes", "32");

    @TempDir
    Path temp;
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private DataDirectory data;
    private ClusterCatalog catalog;

    @BeforeEach
    void cluster() {
        data = new DataDirectory(temp.resolve("data"));
        catalog = new ClusterCatalog(new SqliteBackend(), data, clock);
        catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
    }

    private record Run(int status, String out, String err, long waitedMillis) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Run keygen(ShellLauncher.Tool tool) {
        return run(tool, KEYGEN);
    }

    private Run run(ShellLauncher.Tool tool, List<String> args) {
        StringWriter out = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(out));
        long before = clock.nowMillis();
        int status = tool.run(new ToolContext(catalog, clock, null, console, temp), args).code();
        return new Run(status, out.toString(), "", clock.nowMillis() - before);
    }

    /** {@code key unwrap} makes a key as a create does: the same setting decides whether it waits. */
    @Test
    void keyUnwrapFollowsTheSameSetting() throws Exception {
        new CliConfiguration(AvailabilityCheck.OFF).write(data);
        assertThat(run(cli(), List.of("key", "generate-symmetric", "aes", "--label", "wrapping", "--key-length-bytes", "32",
                "--attributes", "wrap=true", "unwrap=true")).status()).isZero();
        Run wrapped = run(cli(), List.of("key", "wrap", "aes-pkcs5-pad", "--payload-filter", "attr.label=wrapping",
                "--wrapping-filter", "attr.label=wrapping"));
        assertThat(wrapped.status()).as(wrapped.out()).isZero();
        String data64 = wrapped.json().at("/data/wrapped_key_data").asText();
        List<String> unwrap = List.of("key", "unwrap", "aes-pkcs5-pad", "--filter", "attr.label=wrapping",
                "--key-type-class", "aes", "--label", "unwrapped", "--data", data64);
        Run off = run(cli(), unwrap);
        assertThat(off.status()).as(off.out()).isZero();
        assertThat(off.waitedMillis()).isZero();
        new CliConfiguration(AvailabilityCheck.ON).write(data);
        Run on = run(cli(), unwrap);
        assertThat(on.status()).as(on.out()).isZero();
        assertThat(on.waitedMillis()).isPositive();
    }

    private static ShellLauncher.Tool cli() {
        return CliShell.tool(CU, new PrintWriter(new StringWriter()));
    }

    @Test
    void byDefaultTheKeyReturnsOnceASecondHsmHoldsIt() throws Exception {
        Run r = keygen(cli());
        assertThat(r.status()).isZero();
        assertThat(r.waitedMillis()).as("the first key is made on node 0; node 1 holds it after 150 ms").isEqualTo(150);
        assertThat(r.json().at("/data/key/key-info/cluster-coverage").asText()).as("2 of 3 HSMs").isEqualTo("partial");
    }

    @Test
    void configureCliTurnsTheCheckOffForTheCliItself() throws Exception {
        new CliConfiguration(AvailabilityCheck.OFF).write(data);
        assertThat(Files.readString(CliConfiguration.file(data), StandardCharsets.UTF_8))
                .isEqualTo("{\n  \"disable_key_availability_check\": true\n}\n");
        Run off = keygen(cli());
        assertThat(off.status()).isZero();
        assertThat(off.waitedMillis()).as("returned before a second HSM holds the key").isZero();
        JsonNode info = off.json().at("/data/key/key-info");
        assertThat(info.path("cluster-coverage").asText()).isEqualTo("partial");
        assertThat(info.at("/key-owners/0/key-coverage").asText()).isEqualTo("partial");

        new CliConfiguration(AvailabilityCheck.ON).write(data);
        assertThat(keygen(cli()).waitedMillis()).as("enabled again: waits").isPositive();
    }

    @Test
    void aDaemonStartedWithTheCheckOffTurnsItOffWhateverConfigureCliSet() {
        ShellLauncher.Tool daemonOff = CliShell.tool(CU, new PrintWriter(new StringWriter()), AvailabilityCheck.OFF);
        assertThat(keygen(daemonOff).waitedMillis()).isZero();
        ShellLauncher.Tool daemonOn = CliShell.tool(CU, new PrintWriter(new StringWriter()), AvailabilityCheck.ON);
        assertThat(keygen(daemonOn).waitedMillis()).isPositive();
    }

    @Test
    void aDamagedConfigurationIsRefusedNamingTheFileAndNothingIsMade() throws Exception {
        Files.writeString(CliConfiguration.file(data), "{\"disable_key_availability_check\": \"yes\"}");
        Files.writeString(temp.resolve("keep.cfg"), Files.readString(CliConfiguration.file(data)));
        Files.delete(CliConfiguration.file(data));
        String before = listing();
        Files.writeString(CliConfiguration.file(data), Files.readString(temp.resolve("keep.cfg")));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(out));
        int status = new ShellLauncher(new SqliteBackend(), "cloudhsm-cli", CliShell::completions, cli(), rest -> false)
                .runTool(catalog, StartupOptions.parse(KEYGEN, Map.of()), console, temp,
                        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cloudhsm-cli: error: ")
                .contains(CliConfiguration.FILE_NAME).contains("configure-cli --disable-key-availability-check");
        Files.delete(CliConfiguration.file(data));
        assertThat(listing()).as("no key was made").isEqualTo(before);
    }

    private String listing() {
        StringWriter out = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(out));
        cli().run(new ToolContext(catalog, clock, null, console, temp), List.of("key", "list", "--max-items", "100"));
        return out.toString();
    }
}
