package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.shell.cli.CliShell;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code key_mgmt_util translate} only prints lines the CloudHSM CLI can read: for random genSymKey
 * lines that KMU accepts, the translation (its non-comment line) runs in cloudhsm-cli without a usage
 * error (the simulator may still refuse it, as it would refuse genSymKey).
 */
class TranslationRunsInCliTest {
    @TempDir
    Path temp;
    private ManualClock clock;

    @Test
    void everyTranslatedGenSymKeyLineIsACommandLineTheCliReads() {
        clock = new ManualClock(1_700_000_000_000L);
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(temp.resolve("data")), clock);
        catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
        Gen<List<String>> line = random -> {
            List<String> words = new ArrayList<>(List.of("genSymKey", "-t", Gen.of("31", "16").next(random),
                    "-s", Gen.of("16", "24", "32", "64", "801").next(random), "-l", Gen.strings("abc_1", 1, 8).next(random)));
            if (Gen.booleans().next(random)) {
                words.addAll(List.of("-id", Gen.strings("xyz9", 1, 6).next(random)));
            }
            if (Gen.booleans().next(random)) {
                words.add("-nex");
            }
            if (Gen.chance(1, 4).next(random)) {
                words.add("-sess");
            }
            if (Gen.booleans().next(random)) {
                words.addAll(List.of("-u", Gen.of("4", "4,5", "5,6", "99").next(random)));
            }
            if (Gen.booleans().next(random)) {
                words.addAll(List.of("-m_value", Gen.of("0", "1", "2", "3").next(random)));
            }
            if (Gen.chance(1, 3).next(random)) {
                words.addAll(List.of("-min_srv", "2", "-timeout", "3"));
            }
            return words;
        };
        Trials.run(40, random -> {
            List<String> kmu = line.next(random);
            List<String> args = new ArrayList<>(List.of("translate"));
            args.addAll(kmu);
            Out translation = run(catalog, (ctx, a) -> KmuShell.tool(ctx, a), args);
            assertThat(translation.status).as(kmu.toString()).isEqualTo(ExitStatus.SUCCESS);
            String cliLine = translation.text.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
            Map<String, String> env = Map.of(CliShell.ROLE_VARIABLE, "crypto-user", CliShell.PIN_VARIABLE,
                    "example_user:example_pwd");
            Out cli = run(catalog, CliShell.tool(env, new PrintWriter(new StringWriter())), Tokens.split(cliLine));
            assertThat(cli.status).as(cliLine + "\n" + cli.text).isNotEqualTo(ExitStatus.USAGE);
        });
    }

    private record Out(ExitStatus status, String text) {
    }

    private Out run(ClusterCatalog catalog, ShellLauncher.Tool tool, List<String> args) {
        StringWriter text = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(text));
        ExitStatus status = tool.run(new ToolContext(catalog, clock, null, console, temp), args);
        return new Out(status, text.toString());
    }
}
