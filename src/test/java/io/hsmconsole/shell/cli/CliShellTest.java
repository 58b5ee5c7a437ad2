package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.BeforeEach;
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
 * The CLI's contract with scripts: standard output carries exactly one JSON answer (or nothing for a
 * usage error), the exit status says which, and no input makes it throw. The fuzz part draws command
 * lines from the CLI's own words, options and values, good and bad.
 */
class CliShellTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CU = Map.of(CliShell.ROLE_VARIABLE, "crypto-user",
            CliShell.PIN_VARIABLE, "example_user:example_pwd");

    @TempDir
    Path temp;
    private ClusterCatalog catalog;

    @BeforeEach
    void cluster() {
        catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(temp.resolve("data")), new ManualClock(1_700_000_000_000L));
        catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
    }

    private record Run(ExitStatus status, String out, String err) {
    }

    private Run run(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader(stdin)), new PrintWriter(out));
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            ExitStatus status = new CliShell(cluster, console, env, new PrintWriter(err)).run(List.of(args));
            return new Run(status, out.toString(), err.toString());
        }
    }

    @Test
    void aUsageErrorWritesClapsTextToStandardErrorAndNothingToStandardOutput() {
        Run r = run(CU, "", "key", "list", "--max-items");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: a value is required for '--max-items <MAX_ITEMS>' but none was supplied\n\n"
                + "For more information, try '--help'.\n");
    }

    /** cloudhsm_cli-qm-token-set-tm.md's syntax: a required group of two options, one of which is given. */
    @Test
    void setTimeoutTakesExactlyOneOfItsTwoOptionsAsClapsGroupDoes() {
        Map<String, String> admin = Map.of(CliShell.ROLE_VARIABLE, "admin", CliShell.PIN_VARIABLE, "admin:admin_pwd");
        String usage = "Usage: quorum token-sign set-timeout <--generated <GENERATED>|--approved <APPROVED>>\n\n"
                + "For more information, try '--help'.\n";
        Run none = run(admin, "", "quorum", "token-sign", "set-timeout");
        assertThat(none.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("error: the following required arguments were not provided:\n"
                + "  <--generated <GENERATED>|--approved <APPROVED>>\n\n" + usage);
        Run both = run(admin, "", "quorum", "token-sign", "set-timeout", "--generated", "60", "--approved", "60");
        assertThat(both.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(both.err()).isEqualTo("error: the argument '--approved <APPROVED>' cannot be used with "
                + "'--generated <GENERATED>'\n\n" + usage);
        Run tooLarge = run(admin, "", "quorum", "token-sign", "set-timeout", "--approved", "4294967296");
        assertThat(tooLarge.err()).isEqualTo("error: invalid value '4294967296' for '--approved <APPROVED>': "
                + "number too large to fit in target type\n\nFor more information, try '--help'.\n");
        assertThat(run(admin, "", "quorum", "token-sign", "list-timeouts").out()).as("nothing was set")
                .contains("\"generated\": 600", "\"approved\": 600");
        Run largest = run(admin, "", "quorum", "token-sign", "set-timeout", "--approved", "4294967295");
        assertThat(largest.status()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(run(Map.of(), "", "quorum", "token-sign", "list-timeouts").out()).as("no login needed")
                .contains("\"approved\": 4294967295");
    }

    @Test
    void noArgumentsShowsTheCommandsAndExitsWithTwo() {
        Run r = run(Map.of(), "");
        assertThat(r.status()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).contains("Usage: cloudhsm-cli <COMMAND>", "  key ", "  login ", "  user ");
    }

    @Test
    void helpOfACommandIsItsSyntaxOnStandardOutput() {
        Run r = run(Map.of(), "", "help", "key", "generate-symmetric", "aes");
        assertThat(r.status()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(r.out()).startsWith("Generate an AES key\n\nUsage: key generate-symmetric aes [OPTIONS] --label <LABEL>"
                + " --key-length-bytes <KEY_LENGTH_BYTES>\n\nOptions:\n      --label <LABEL>\n          Label for the key\n");
        assertThat(run(Map.of(), "", "key", "list", "--help").out()).contains("  -v, --verbose\n");
    }

    @Test
    void aRefusalIsOneJsonErrorAnswerWithExitStatusOne() throws Exception {
        Run r = run(CU, "", "key", "delete", "--filter", "attr.label=nothing-here");
        assertThat(r.status()).isEqualTo(ExitStatus.ERROR);
        JsonNode answer = JSON.readTree(r.out());
        assertThat(answer.get("error_code").asInt()).isEqualTo(1);
        assertThat(answer.get("data").isTextual()).isTrue();
    }

    @Test
    void theLoginOfSingleCommandModeIsNotPrinted() throws Exception {
        Run r = run(CU, "", "key", "list");
        assertThat(r.status()).isEqualTo(ExitStatus.SUCCESS);
        assertThat(JSON.readTree(r.out()).get("data").get("total_key_count").asInt()).isZero();
        assertThat(r.out()).doesNotContain("username");
    }

    @Test
    void aSessionKeyGoesWithItsSessionAndIsLabelledSo() throws Exception {
        Run r = run(Map.of(), "login --username example_user --role crypto-user --password example_pwd\n"
                + "key generate-symmetric aes --label s --key-length-bytes 16 --session\nkey list --verbose\nquit\n",
                "interactive");
        assertThat(r.out()).contains("\"cluster-coverage\": \"session\"", "\"token\": false");
        assertThat(run(CU, "", "key", "list").out()).contains("\"total_key_count\": 0");
    }

    @Test
    void anyCommandLineGetsOneAnswerOrAUsageErrorNeverAnException() {
        Gen<String> word = Gen.frequency(
                Gen.weight(6, Gen.of("key", "user", "login", "logout", "list", "generate-symmetric", "aes",
                        "generic-secret", "share", "unshare", "set-attribute", "delete", "create", "change-password",
                        "help", "quorum", "cluster", "interactive")),
                Gen.weight(6, Gen.of("--filter", "--label", "--key-length-bytes", "--attributes", "--max-items",
                        "--starting-token", "--verbose", "-v", "--username", "--role", "--password", "--name", "--value",
                        "--session", "--share-crypto-users", "--manage-key-quorum-value", "--use-key-quorum-value",
                        "-h", "--bogus", "--label=x", "--filter=")),
                Gen.weight(6, Gen.of("attr.label=a", "attr.key-type=aes", "key-reference=0x6", "key-reference=0xZZ",
                        "attr.sign=true", "attr.nope=1", "label=a", "16", "32", "0", "-1", "99999999999", "a",
                        "crypto-user", "admin", "alice", "example_user", "encrypt=true", "local=false", "sign=maybe",
                        "true", "false", "", "\"", "=", "0x", "\u00e9t\u00e9")),
                Gen.weight(1, Gen.strings("abc-=.0x\" ", 0, 12)));
        Trials.run(150, random -> {
            List<String> args = new ArrayList<>(word.list(1, 8).next(random));
            if (args.get(0).equals("interactive")) {
                args.remove(0);
            }
            if (args.isEmpty()) {
                return;
            }
            Run r = run(CU, "", args.toArray(String[]::new));
            switch (r.status()) {
                case USAGE -> assertThat(r.out()).as(args.toString()).isEmpty();
                case SUCCESS, ERROR -> {
                    if (!r.out().startsWith("Enter password") && !r.out().contains("\n\nUsage:")
                            && !r.out().contains("Options:")) {
                        JsonNode answer = JSON.readTree(r.out());
                        assertThat(answer.get("error_code").asInt()).as(args.toString())
                                .isEqualTo(r.status() == ExitStatus.SUCCESS ? 0 : 1);
                    }
                }
            }
        });
    }
}
