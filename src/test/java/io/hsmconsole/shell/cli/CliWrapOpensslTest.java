package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenSSL judges {@code key wrap} and {@code key unwrap} with the RSA mechanisms. An RSA key pair
 * OpenSSL made is imported ({@code key import pem}, private and public halves); what the HSM wraps
 * under the public half, OpenSSL unwraps with its private key (rsa-oaep, rsa-pkcs, rsa-aes: OAEP then
 * RFC 5649, {@code openssl enc -id-aes256-wrap-pad}); what OpenSSL encrypts under the public key, the
 * HSM unwraps with the imported private key. The key's check value (AES-ECB of a zero block, computed
 * by OpenSSL) must be the one {@code key list} shows. Needs {@code openssl} (.ci/run installs it).
 */
class CliWrapOpensslTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CU = Map.of(CliShell.ROLE_VARIABLE, "crypto-user",
            CliShell.PIN_VARIABLE, "example_user:example_pwd");
    private static final List<String> OAEP_SHA256 = List.of("-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt",
            "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256");

    @TempDir
    Path dir;
    private ClusterCatalog catalog;
    private final ManualClock clock = new ManualClock(TestClusters.START);
    private String payloadKcv;

    @BeforeEach
    void keys() throws Exception {
        TestClusters.demo(dir.resolve("data"), clock).close();
        catalog = TestClusters.catalog(dir.resolve("data"), clock);
        openssl(List.of("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem"));
        openssl(List.of("pkey", "-in", "rsa.pem", "-pubout", "-out", "rsa-public.pem"));
        ok("key", "import", "pem", "--path", "rsa.pem", "--label", "rsa-private", "--key-type-class", "rsa-private",
                "--attributes", "unwrap=true");
        ok("key", "import", "pem", "--path", "rsa-public.pem", "--label", "rsa-public", "--key-type-class", "rsa-public");
        ok("key", "set-attribute", "--filter", "attr.label=rsa-public", "--name", "wrap", "--value", "true");
        JsonNode payload = ok("key", "generate-symmetric", "aes", "--label", "payload", "--key-length-bytes", "32");
        payloadKcv = payload.at("/data/key/attributes/check-value").asText();
    }

    @Test
    void openSslUnwrapsWhatRsaOaepAndRsaPkcsWrapped() throws Exception {
        wrap("rsa-oaep", "oaep.bin", "--hash-function", "sha256", "--mgf", "mgf1-sha256");
        openssl(decrypt("oaep.bin", "oaep-key.bin", OAEP_SHA256));
        assertThat(kcvOf("oaep-key.bin")).isEqualTo(payloadKcv);

        wrap("rsa-pkcs", "pkcs.bin");
        openssl(decrypt("pkcs.bin", "pkcs-key.bin", List.of()));
        assertThat(kcvOf("pkcs-key.bin")).isEqualTo(payloadKcv);
    }

    @Test
    void openSslUnwrapsRsaAesAsOaepThenRfc5649() throws Exception {
        wrap("rsa-aes", "rsa-aes.bin", "--hash-function", "sha256", "--mgf", "mgf1-sha256");
        byte[] wrapped = Files.readAllBytes(dir.resolve("rsa-aes.bin"));
        Files.write(dir.resolve("head.bin"), Arrays.copyOf(wrapped, 256));
        Files.write(dir.resolve("tail.bin"), Arrays.copyOfRange(wrapped, 256, wrapped.length));
        openssl(decrypt("head.bin", "temporary.bin", OAEP_SHA256));
        String temporary = HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("temporary.bin")));
        openssl(List.of("enc", "-d", "-id-aes256-wrap-pad", "-K", temporary, "-iv", "A65959A6", "-in", "tail.bin",
                "-out", "rsa-aes-key.bin"));
        assertThat(kcvOf("rsa-aes-key.bin")).isEqualTo(payloadKcv);
    }

    @Test
    void theHsmUnwrapsAKeyOpenSslEncryptedUnderThePublicKey() throws Exception {
        Files.write(dir.resolve("aes.key"), HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        String expected = kcvOf("aes.key");
        openssl(List.of("pkeyutl", "-encrypt", "-pubin", "-inkey", "rsa-public.pem", "-in", "aes.key", "-out", "from-openssl.bin",
                "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256"));
        JsonNode made = ok("key", "unwrap", "rsa-oaep", "--filter", "attr.label=rsa-private", "--hash-function", "sha256",
                "--mgf", "mgf1-sha256", "--data-path", "from-openssl.bin", "--key-type-class", "aes", "--label", "from-openssl");
        assertThat(made.at("/data/key/attributes/check-value").asText()).isEqualTo(expected);
        assertThat(made.at("/data/key/attributes/local").asBoolean()).isFalse();

        // the same ciphertext under the other hash does not unwrap, and nothing is made
        JsonNode refused = cli(ExitStatus.ERROR, "key", "unwrap", "rsa-oaep", "--filter", "attr.label=rsa-private",
                "--hash-function", "sha1", "--mgf", "mgf1-sha1", "--data-path", "from-openssl.bin", "--key-type-class", "aes",
                "--label", "wrong-hash");
        assertThat(refused.get("error_code").asInt()).isEqualTo(1);
        assertThat(ok("key", "list", "--filter", "attr.label=wrong-hash").at("/data/total_key_count").asInt()).isZero();
    }

    @Test
    void aReferencePemCarriesThePublicKeyOpenSslFindsAndNoPrivateKey() throws Exception {
        ok("key", "generate-file", "--encoding", "reference-pem", "--path", "reference.pem", "--filter", "attr.label=rsa-private");
        ok("key", "generate-file", "--encoding", "pem", "--path", "exported.pem", "--filter", "attr.label=rsa-public");
        openssl(List.of("pkey", "-in", "reference.pem", "-pubout", "-out", "from-reference.pem"));
        String original = Files.readString(dir.resolve("rsa-public.pem"));
        assertThat(Files.readString(dir.resolve("from-reference.pem"))).isEqualTo(original);
        assertThat(Files.readString(dir.resolve("exported.pem"))).isEqualTo(original);
        // the private exponent is the key reference, not the key's: OpenSSL's own check fails
        assertThat(run(List.of("openssl", "pkey", "-in", "reference.pem", "-check", "-noout"))).isNotZero();
    }

    private void wrap(String mechanism, String path, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("key", "wrap", mechanism, "--payload-filter", "attr.label=payload",
                "--wrapping-filter", "attr.label=rsa-public", "--path", path));
        args.addAll(List.of(options));
        JsonNode answer = ok(args.toArray(String[]::new));
        assertThat(Base64.getDecoder().decode(answer.at("/data/wrapped_key_data").asText()))
                .isEqualTo(Files.readAllBytes(dir.resolve(path)));
    }

    private static List<String> decrypt(String in, String out, List<String> options) {
        List<String> args = new ArrayList<>(List.of("pkeyutl", "-decrypt", "-inkey", "rsa.pem", "-in", in, "-out", out));
        args.addAll(options);
        return args;
    }

    /** OpenSSL's AES-ECB of a zero block under the key in {@code file}: the first 3 bytes, as 0x…. */
    private String kcvOf(String file) throws Exception {
        String key = HexFormat.of().formatHex(Files.readAllBytes(dir.resolve(file)));
        Files.write(dir.resolve("zero.bin"), new byte[16]);
        openssl(List.of("enc", "-aes-256-ecb", "-nopad", "-K", key, "-in", "zero.bin", "-out", "kcv.bin"));
        return "0x" + HexFormat.of().formatHex(Arrays.copyOf(Files.readAllBytes(dir.resolve("kcv.bin")), 3));
    }

    private JsonNode ok(String... args) throws IOException {
        return cli(ExitStatus.SUCCESS, args);
    }

    private JsonNode cli(ExitStatus expected, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlainConsole console = new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(out));
        try (HsmCluster cluster = catalog.open("demo")) {
            ExitStatus status = new CliShell(cluster, console, dir, CU, new PrintWriter(err)).run(List.of(args));
            assertThat(status).as(String.join(" ", args) + "\n" + out + err).isEqualTo(expected);
        }
        return JSON.readTree(out.toString());
    }

    private void openssl(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(args);
        assertThat(run(command)).as(String.join(" ", command)).isZero();
    }

    private int run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        return p.exitValue();
    }
}
