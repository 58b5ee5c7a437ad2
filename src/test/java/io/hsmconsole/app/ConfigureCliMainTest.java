package io.hsmconsole.app;

import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.shell.cli.CliConfiguration;
import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code configure-cli}: its two availability flags set the data folder's configuration; anything else is a usage error that changes nothing. */
class ConfigureCliMainTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConfigureCliMain.run(args, Map.of(DataDirectory.ENV_VARIABLE, temp.resolve("data").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private DataDirectory data() {
        return new DataDirectory(temp.resolve("data"));
    }

    @Test
    void theFlagsSetAndUnsetTheCheckSilently() {
        assertThat(CliConfiguration.read(data()).availability()).as("no file: the SDK's default").isEqualTo(AvailabilityCheck.ON);
        assertThat(run("--disable-key-availability-check")).isZero();
        assertThat(CliConfiguration.read(data()).availability()).isEqualTo(AvailabilityCheck.OFF);
        assertThat(run("--enable-key-availability-check")).isZero();
        assertThat(CliConfiguration.read(data()).availability()).isEqualTo(AvailabilityCheck.ON);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void otherOptionsAreRefusedByNameAndChangeNothing() {
        for (String[] bad : new String[][] {{}, {"-a", "10.0.0.1", "--disable-key-availability-check"},
                {"--disable-key-availability-check", "--enable-key-availability-check"}, {"--cluster-id", "cluster-1"}}) {
            err.reset();
            assertThat(run(bad)).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(ConfigureCliMain.USAGE);
            if (bad.length > 1 && !bad[1].startsWith("--")) {
                assertThat(err.toString(StandardCharsets.UTF_8)).contains("'" + bad[0] + "' is not simulated");
            }
        }
        assertThat(Files.exists(CliConfiguration.file(data()))).isFalse();
    }

    /** Issue 18: --store on every launcher. The setting stays the data folder's (each machine's own); a bad URL is refused. */
    @Test
    void storeIsTakenAsByEveryLauncherAndTheSettingStaysTheDataFolders() {
        assertThat(run("--store", "postgresql://team:secret@127.0.0.1:1/hsm", "--disable-key-availability-check")).isZero();
        assertThat(CliConfiguration.read(data()).availability()).isEqualTo(AvailabilityCheck.OFF);
        assertThat(run("--store=sqlite", "--enable-key-availability-check")).isZero();
        assertThat(CliConfiguration.read(data()).availability()).isEqualTo(AvailabilityCheck.ON);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        assertThat(run("--store", "postgresql://team:secret@127.0.0.1:1", "--disable-key-availability-check")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("configure-cli: --store: ").doesNotContain("secret");
        assertThat(CliConfiguration.read(data()).availability()).as("unchanged").isEqualTo(AvailabilityCheck.ON);
    }

    @Test
    void helpListsBothFlags() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--disable-key-availability-check")
                .contains("--enable-key-availability-check");
    }
}
