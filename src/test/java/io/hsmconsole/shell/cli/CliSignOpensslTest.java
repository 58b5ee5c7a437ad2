package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.PlainConsole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenSSL judges {@code crypto sign}: a pair made by {@code key generate-asymmetric-pair}, a
 * signature from {@code crypto sign ecdsa|rsa-pkcs|rsa-pkcs-pss}, the public key exported through the
 * simulator (exportPubKey's DER), and {@code openssl dgst -verify} must say "Verified OK" — and
 * "Verification failure" for other data. {@code crypto verify} must accept the same signature and
 * refuse it for other data. Needs the {@code openssl} command (.ci/run installs it); fails without it.
 */
class CliSignOpensslTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CU = Map.of(CliShell.ROLE_VARIABLE, "crypto-user",
            CliShell.PIN_VARIABLE, "example_user:example_pwd");

    @TempDir
    Path dir;
    private ClusterCatalog catalog;
    private final ManualClock clock = new ManualClock(TestClusters.START);

    @BeforeEach
    void cluster() throws IOException {
        TestClusters.demo(dir.resolve("data"), clock).close();
        catalog = TestClusters.catalog(dir.resolve("data"), clock);
        Files.writeString(dir.resolve("message.txt"), "Pay 100 to carol\n");
        Files.writeString(dir.resolve("other.txt"), "Pay 900 to carol\n");
    }

    @Test
    void openSslVerifiesAnEcdsaSignatureOfCryptoSign() throws Exception {
        judge(List.of("ec", "--curve", "secp256r1"), "ecdsa", "sha256", List.of());
        judge(List.of("ec", "--curve", "secp384r1"), "ecdsa", "sha384", List.of());
    }

    @Test
    void openSslVerifiesRsaPkcsAndPssSignaturesOfCryptoSign() throws Exception {
        judge(List.of("rsa", "--modulus-size-bits", "2048", "--public-exponent", "65537"), "rsa-pkcs", "sha256", List.of());
        judge(List.of("rsa", "--modulus-size-bits", "2048", "--public-exponent", "65537"), "rsa-pkcs-pss", "sha512",
                List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:-1"));
    }

    @Test
    void aPairMadeWithSdk5DefaultsMayNotSignUntilAsked() throws Exception {
        ok("key", "generate-asymmetric-pair", "ec", "--curve", "secp256r1", "--public-label", "p", "--private-label", "q");
        JsonNode refused = cli(ExitStatus.ERROR, "crypto", "sign", "ecdsa", "--key-filter", "attr.label=q",
                "--hash-function", "sha256", "--data-path", dir.resolve("message.txt").toString());
        assertThat(refused.get("error_code").asInt()).isEqualTo(1);
    }

    @Test
    void aPublicKeyOpenSslMadeImportsFromPemAndVerifiesOpenSslsSignature() throws Exception {
        for (String[] key : new String[][]{{"EC", "ec_paramgen_curve:P-256", "ec-public", "ecdsa"},
                {"RSA", "rsa_keygen_bits:2048", "rsa-public", "rsa-pkcs"}}) {
            openssl(List.of("genpkey", "-algorithm", key[0], "-pkeyopt", key[1], "-out"), "private.pem", 0);
            openssl(List.of("pkey", "-in", "private.pem", "-pubout", "-out"), "public.pem", 0);
            openssl(List.of("dgst", "-sha256", "-sign", "private.pem", "-out", "sig.bin"), "message.txt", 0);
            String signature = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("sig.bin")));

            cli(ExitStatus.ERROR, "key", "import", "pem", "--path", dir.resolve("public.pem").toString(),
                    "--label", "wrong-" + key[2], "--key-type-class", key[2].equals("ec-public") ? "rsa-public" : "ec-public");
            JsonNode imported = ok("key", "import", "pem", "--path", dir.resolve("public.pem").toString(),
                    "--label", "imported-" + key[2], "--key-type-class", key[2]).get("data").get("key");
            assertThat(imported.get("attributes").get("local").asBoolean()).isFalse();
            assertThat(imported.get("attributes").get("class").asText()).isEqualTo("public-key");
            ok("crypto", "verify", key[3], "--key-filter", "attr.label=imported-" + key[2], "--hash-function", "sha256",
                    "--data-path", dir.resolve("message.txt").toString(), "--signature", signature);
            cli(ExitStatus.ERROR, "crypto", "verify", key[3], "--key-filter", "attr.label=imported-" + key[2],
                    "--hash-function", "sha256", "--data-path", dir.resolve("other.txt").toString(), "--signature", signature);
        }
        assertThat(ok("key", "list", "--filter", "attr.label=wrong-ec-public").get("data").get("matched_keys"))
                .as("a refused import leaves nothing").isEmpty();
    }

    private void judge(List<String> algorithm, String mechanism, String hash, List<String> sigopts) throws Exception {
        String label = mechanism + "-" + hash;
        List<String> generate = new ArrayList<>(List.of("key", "generate-asymmetric-pair"));
        generate.addAll(algorithm);
        generate.addAll(List.of("--public-label", label + "-pub", "--private-label", label + "-priv",
                "--public-attributes", "verify=true", "--private-attributes", "sign=true"));
        JsonNode pair = ok(generate.toArray(String[]::new)).get("data");
        long publicHandle = Long.decode(pair.get("public_key").get("key-reference").asText());

        JsonNode signed = ok("crypto", "sign", mechanism, "--key-filter", "attr.label=" + label + "-priv",
                "--hash-function", hash, "--data-path", dir.resolve("message.txt").toString()).get("data");
        String signature = signed.get("signature").asText();
        Files.write(dir.resolve("sig.bin"), Base64.getDecoder().decode(signature));
        try (HsmCluster cluster = catalog.open("demo"); HsmSession s = TestClusters.login(cluster, "example_user")) {
            byte[] der = s.pairs().exportPublicKey(publicHandle).value();
            Files.writeString(dir.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n");
        }
        List<String> verify = new ArrayList<>(List.of("dgst", "-" + hash));
        verify.addAll(sigopts);
        verify.addAll(List.of("-verify", "public.pem", "-signature", "sig.bin"));
        assertThat(openssl(verify, "message.txt", 0)).as(label).contains("Verified OK");
        assertThat(openssl(verify, "other.txt", 1)).as(label).contains("Verification failure");

        ok("crypto", "verify", mechanism, "--key-filter", "attr.label=" + label + "-pub", "--hash-function", hash,
                "--data-path", dir.resolve("message.txt").toString(), "--signature", signature);
        cli(ExitStatus.ERROR, "crypto", "verify", mechanism, "--key-filter", "attr.label=" + label + "-pub",
                "--hash-function", hash, "--data-path", dir.resolve("other.txt").toString(), "--signature", signature);
    }

    private JsonNode ok(String... args) throws IOException {
        return cli(ExitStatus.SUCCESS, args);
    }

    private JsonNode cli(ExitStatus expected, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(out));
        try (HsmCluster cluster = catalog.open("demo")) {
            ExitStatus status = new CliShell(cluster, console, CU, new PrintWriter(err)).run(List.of(args));
            assertThat(status).as(String.join(" ", args) + "\n" + out + err).isEqualTo(expected);
        }
        return JSON.readTree(out.toString());
    }

    private String openssl(List<String> args, String file, int expectedExit) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(args);
        command.add(file);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isEqualTo(expectedExit);
        return out;
    }
}
