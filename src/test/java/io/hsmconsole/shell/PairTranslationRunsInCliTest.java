package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.shell.cli.CliShell;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import io.hsmconsole.text.cli.KmuTranslation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key form's CloudHSM CLI preview of a key pair ({@link KmuTranslation#genKeyPair}) is a command
 * cloudhsm-cli runs: RSA and EC, with an ID, -nex, sharing and quorum, each line makes a pair there,
 * and the pair has the label, ID and extractability the KMU command would have given it.
 */
class PairTranslationRunsInCliTest {
    @TempDir
    Path temp;
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);

    @Test
    void everyPreviewedPairLineMakesThePairInTheCli() {
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(temp.resolve("data")), clock);
        catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
        List<KmuTranslation.GenKeyPair> forms = List.of(
                new KmuTranslation.GenKeyPair(true, "2048", "65537", "", "rsa1", "", false, false, List.of(), 0, false, false),
                new KmuTranslation.GenKeyPair(true, "3072", "65537", "", "rsa2", "R-2", true, false, List.of("alice"), 1,
                        true, false),
                new KmuTranslation.GenKeyPair(false, "", "", "secp384r1", "ec1", "E-1", false, false, List.of("alice", "bob"),
                        0, false, true),
                new KmuTranslation.GenKeyPair(false, "", "", "prime256v1", "ec2", "", true, true, List.of(), 0, false, false));
        for (KmuTranslation.GenKeyPair form : forms) {
            String line = KmuTranslation.genKeyPair(form).lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
            String out = cli(catalog, line);
            assertThat(out).as(line).contains("\"error_code\": 0").contains("\"label\": \"" + form.label() + "\"");
            if (!form.id().isEmpty()) {
                assertThat(out).as(line).contains("\"id\": \"" + form.id() + "\"");
            }
            if (form.nonExtractable()) {
                assertThat(out).as(line).contains("\"extractable\": false");
            }
        }
    }

    private String cli(ClusterCatalog catalog, String line) {
        StringWriter text = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(text));
        Map<String, String> env = Map.of(CliShell.ROLE_VARIABLE, "crypto-user", CliShell.PIN_VARIABLE,
                "example_user:example_pwd");
        ExitStatus status = CliShell.tool(env, new PrintWriter(new StringWriter()))
                .run(new ToolContext(catalog, clock, null, console, temp), Tokens.split(line));
        assertThat(status).as(line + "\n" + text).isEqualTo(ExitStatus.SUCCESS);
        return text.toString();
    }
}
