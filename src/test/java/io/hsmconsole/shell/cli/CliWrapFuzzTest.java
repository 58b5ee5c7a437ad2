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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzz of the commands that move keys: {@code key wrap|unwrap <mechanism>}, {@code key
 * generate-file}, {@code key import pem}, with option words and values drawn from valid, nearly valid
 * and wrong ones. Every run answers one way: exit 0 with one JSON answer, exit 1 with one JSON error
 * answer ({@code error_code} 1, a message), or exit 2 with clap's usage text on standard error and
 * nothing on standard output; never an exception. A refused unwrap or import makes no key.
 * {@code -Dhsm.seed=S} replays a failure.
 */
class CliWrapFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CU = Map.of(CliShell.ROLE_VARIABLE, "crypto-user",
            CliShell.PIN_VARIABLE, "example_user:example_pwd");

    @TempDir
    Path temp;
    private ClusterCatalog catalog;

    private record Run(ExitStatus status, String out, String err) {
    }

    @BeforeEach
    void keys() throws Exception {
        catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(temp.resolve("data")), new ManualClock(1_700_000_000_000L));
        catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo()).close();
        ok("key", "generate-symmetric", "aes", "--label", "w", "--key-length-bytes", "32", "--attributes", "wrap=true", "unwrap=true");
        ok("key", "generate-symmetric", "aes", "--label", "p", "--key-length-bytes", "16");
        ok("key", "generate-asymmetric-pair", "rsa", "--public-label", "rp", "--private-label", "rk", "--modulus-size-bits",
                "2048", "--public-exponent", "65537", "--public-attributes", "wrap=true", "--private-attributes", "unwrap=true");
        ok("key", "wrap", "aes-pkcs5-pad", "--payload-filter", "attr.label=p", "--wrapping-filter", "attr.label=w",
                "--path", temp.resolve("wrapped.bin").toString());
        ok("key", "generate-file", "--encoding", "pem", "--path", temp.resolve("public.pem").toString(), "--filter",
                "attr.label=rp");
        Files.writeString(temp.resolve("junk.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void everyMoveOfAKeyAnswersOnceAndARefusalMakesNothing() {
        Gen<List<String>> command = Gen.of(List.of("key", "wrap"), List.of("key", "unwrap"), List.of("key", "generate-file"),
                List.of("key", "import", "pem"));
        Gen<String> mechanism = Gen.of("aes-gcm", "aes-no-pad", "aes-pkcs5-pad", "aes-zero-pad", "cloudhsm-aes-gcm",
                "rsa-aes", "rsa-oaep", "rsa-pkcs", "aes", "rsa");
        Gen<String> word = Gen.frequency(
                Gen.weight(6, Gen.of("--payload-filter", "--wrapping-filter", "--filter", "--path", "--data", "--data-path",
                        "--tag-length-bits", "--aad", "--iv", "--hash-function", "--mgf", "--key-type-class", "--label",
                        "--attributes", "--session", "--encoding", "--share-crypto-users", "--use-key-quorum-value",
                        "--manage-key-quorum-value", "--wrapping-approval", "-h", "--path=")),
                Gen.weight(6, Gen.of("attr.label=w", "attr.label=p", "attr.label=rp", "attr.label=rk", "attr.key-type=aes",
                        "key-reference=0x1", "attr.nope=1", "aes", "rsa-private", "ec-private", "generic-secret", "des3",
                        "rsa-public", "pem", "reference-pem", "sha256", "sha1", "mgf1-sha256", "mgf1-sha512", "64", "128",
                        "40", "0", "99999999999", "0x10", "0xZZ", "0x", "00112233445566778899aabb", "AAAA", "!!!",
                        "unwrap=true", "extractable=false", "token=false", "sign=maybe", "curve=secp256r1", "u", "alice",
                        temp.resolve("wrapped.bin").toString(), temp.resolve("public.pem").toString(),
                        temp.resolve("junk.pem").toString(), temp.resolve("missing.bin").toString(),
                        temp.resolve("out.bin").toString(), temp.toString(), "")),
                Gen.weight(1, Gen.strings("abc-=.0x/ ", 0, 10)));
        Trials.run(120, random -> {
            List<String> args = new ArrayList<>(command.next(random));
            if (args.get(1).endsWith("wrap")) {
                args.add(mechanism.next(random));
            }
            args.addAll(word.list(0, 10).next(random));
            int before = keyCount();
            Run r = run(args.toArray(String[]::new));
            switch (r.status()) {
                case USAGE -> {
                    assertThat(r.out()).as(args.toString()).isEmpty();
                    assertThat(r.err()).as(args.toString()).startsWith("error: ").contains("For more information, try '--help'.");
                }
                case SUCCESS, ERROR -> {
                    if (args.contains("-h")) {
                        return; // the help page
                    }
                    JsonNode answer = JSON.readTree(r.out());
                    assertThat(answer.get("error_code").asInt()).as(args + "\n" + r.out())
                            .isEqualTo(r.status() == ExitStatus.SUCCESS ? 0 : 1);
                    if (r.status() == ExitStatus.ERROR) {
                        assertThat(answer.get("data").isTextual()).as(args.toString()).isTrue();
                        assertThat(answer.get("data").asText()).as(args.toString()).isNotBlank();
                        assertThat(keyCount()).as("a refused " + args + " made no key").isEqualTo(before);
                    }
                    assertThat(r.err()).as(args.toString()).isEmpty();
                }
            }
        });
    }

    private int keyCount() throws Exception {
        return JSON.readTree(ok("key", "list", "--max-items", "0").out()).at("/data/total_key_count").asInt();
    }

    private Run ok(String... args) {
        Run r = run(args);
        assertThat(r.status()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(ExitStatus.SUCCESS);
        return r;
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(out));
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            ExitStatus status = new CliShell(cluster, console, temp, CU, new PrintWriter(err)).run(List.of(args));
            return new Run(status, out.toString(), err.toString());
        }
    }
}
