package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.shell.kmu.KmuShell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * key_mgmt_util runs on the demo cluster and {@code openssl} runs, in one working folder, for tests
 * where OpenSSL judges what the simulator makes. Needs the {@code openssl} command (.ci/run installs
 * it); without it a test fails, it does not skip.
 */
abstract class OpensslJudgedKmu {
    static final Pattern HANDLES = Pattern.compile("public key handle: (\\d+)    private key handle: (\\d+)");
    static final String LOGIN = "loginHSM -u CU -s example_user -p example_pwd";

    @TempDir
    Path dir;
    Path work;
    ClusterCatalog catalog;
    final ManualClock clock = new ManualClock(TestClusters.START);

    @BeforeEach
    void cluster() throws IOException {
        TestClusters.demo(dir.resolve("data"), clock).close();
        catalog = TestClusters.catalog(dir.resolve("data"), clock);
        work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("message.txt"), "Pay 100 to carol\n");
    }

    final long[] generate(String command) {
        String out = kmu(LOGIN, command);
        Matcher m = HANDLES.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    static long handleOf(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * exportPrivateKey writes the private key under the wrapping key to private.pem; OpenSSL reads it
     * ({@code pkey} with {@code args}, answering what it prints) and derives from it exactly public.pem.
     */
    final String exportedPrivateKeyIsTheHalfOfPublicPem(long privateHandle, long wrapping, String... args)
            throws IOException, InterruptedException {
        kmu(LOGIN, "exportPrivateKey -k " + privateHandle + " -w " + wrapping + " -out private.pem");
        List<String> read = new ArrayList<>(List.of("pkey", "-in", "private.pem", "-noout"));
        read.addAll(List.of(args));
        String answer = openssl(read.toArray(String[]::new));
        openssl("pkey", "-in", "private.pem", "-pubout", "-out", "derived.pem");
        assertThat(Files.readString(work.resolve("derived.pem"))).as("the private key is the public key's half")
                .isEqualTo(Files.readString(work.resolve("public.pem")));
        return answer;
    }

    final String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    final String kmu(String... lines) {
        ScriptedConsole console = new ScriptedConsole();
        List.of(lines).forEach(console::type);
        KmuShell.tool(new ToolContext(catalog, clock, null, console, work), List.of());
        return console.output();
    }
}
