package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.kmu.KmuShell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key-use commands checked against an independent implementation (the JDK's HMAC and AES key
 * wrap, with the key's material exported by its owner), the tool's 4096-byte file limit, and an
 * AES key with m_value 2 whose wrap needs a USE_KEY token each time.
 */
class KeyUseCommandsTest {
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
    }

    @Test
    void theSignatureIsTheHmacOfTheFileUnderTheKeysMaterial() throws Exception {
        Files.writeString(work.resolve("message.txt"), "Pay 100 to carol\n");
        kmu("loginHSM -u CU -s example_user -p example_pwd", "genSymKey -t 31 -s 32 -l wrapper",
                "genSymKey -t 16 -s 48 -l hmac");
        cmu("loginHSM CU example_user example_pwd", "setAttribute 262151 264 1", "y", "quit");
        String out = kmu("loginHSM -u CU -s example_user -p example_pwd",
                "sign -f message.txt -k 262151 -m 23 -out message.sig", "exSymKey -k 262151 -w 6 -out hmac.key");
        assertThat(out).contains("Cfm3Sign returned: 0x00 : HSM Return: SUCCESS",
                "signature is written to file message.sig");
        byte[] key = Files.readAllBytes(work.resolve("hmac.key"));
        assertThat(key).hasSize(48);
        Mac hmac = Mac.getInstance("HmacSHA384");
        hmac.init(new SecretKeySpec(key, "HmacSHA384"));
        byte[] expected = hmac.doFinal(Files.readAllBytes(work.resolve("message.txt")));
        assertThat(Files.readAllBytes(work.resolve("message.sig"))).isEqualTo(expected);
    }

    @Test
    void aesWrapUnwrapIsRfc3394WithPkcs5PaddingUnderTheKeysMaterialAndPrintsWhatItWrites() throws Exception {
        byte[] data = "thirty-two bytes of data to wrap".getBytes(StandardCharsets.US_ASCII);
        Files.write(work.resolve("data.bin"), data);
        String out = kmu("loginHSM -u CU -s example_user -p example_pwd", "genSymKey -t 31 -s 16 -l kek",
                "aesWrapUnwrap -m 1 -f data.bin -w 6 -out data.wrapped", "genSymKey -t 31 -s 32 -l wrapper",
                "exSymKey -k 6 -w 262151 -out kek.key");
        byte[] kek = Files.readAllBytes(work.resolve("kek.key"));
        Cipher wrap = Cipher.getInstance("AESWrap");
        wrap.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
        byte[] padded = Arrays.copyOf(data, data.length + 8);
        Arrays.fill(padded, data.length, padded.length, (byte) 8);
        byte[] expected = wrap.wrap(new SecretKeySpec(padded, "AES"));
        byte[] written = Files.readAllBytes(work.resolve("data.wrapped"));
        assertThat(written).isEqualTo(expected);
        String printed = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(written, 0, 8) + "\n"
                + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(written, 8, 16) + "\n";
        assertThat(out).contains("result data:\n" + printed);
    }

    @Test
    void wrapTakesLessThan4096BytesAndUnwrapTakesWhatWrapMakes() throws IOException {
        Files.write(work.resolve("big.bin"), new byte[4096]);
        Files.write(work.resolve("limit.bin"), new byte[4095]);
        Files.write(work.resolve("too-big.wrapped"), new byte[4112]);
        String out = kmu("loginHSM -u CU -s example_user -p example_pwd", "genSymKey -t 31 -s 16 -l kek",
                "aesWrapUnwrap -m 1 -f big.bin -w 6 -out big.wrapped", "aesWrapUnwrap -m 1 -f limit.bin -w 6 -out limit.wrapped",
                "aesWrapUnwrap -m 0 -f limit.wrapped -w 6 -out limit.unwrapped",
                "aesWrapUnwrap -m 0 -f too-big.wrapped -w 6 -out too-big.unwrapped");
        assertThat(out).contains("Error: big.bin holds 4096 bytes; aesWrapUnwrap wraps files of less than 4096 bytes.",
                "Error: too-big.wrapped holds 4112 bytes; aesWrapUnwrap unwraps files of at most 4104 bytes");
        assertThat(work.resolve("big.wrapped")).doesNotExist();
        assertThat(work.resolve("too-big.unwrapped")).doesNotExist();
        assertThat(work.resolve("limit.wrapped")).as("4095 bytes pad to 4096 and wrap to 4104").hasSize(4104);
        assertThat(work.resolve("limit.unwrapped")).as("what wrap wrote unwraps").hasBinaryContent(new byte[4095]);
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            assertThat(cluster.auditLog().records(0, 1000)).filteredOn(r -> r.command().equals("aesWrapUnwrap"))
                    .as("only the files within the limits reached the HSM").hasSize(2);
        }
    }

    @Test
    void aFileThatCannotBeReadIsNamed() throws IOException {
        Files.createDirectories(work.resolve("folder"));
        String out = kmu("loginHSM -u CU -s example_user -p example_pwd", "genSymKey -t 16 -s 32 -l hmac",
                "sign -f folder -k 6 -m 22 -out folder.sig");
        assertThat(out).contains("\tError: cannot read the message file folder: ");
        assertThat(work.resolve("folder.sig")).doesNotExist();
    }

    @Test
    void aQuorumKeyWrapsOncePerApprovedToken() throws IOException {
        Files.write(work.resolve("data.bin"), new byte[24]);
        String out = kmu("loginHSM -u CU -s example_user -p example_pwd",
                "genSymKey -t 31 -s 32 -l guarded -m_value 2 -u 6",
                "aesWrapUnwrap -m 1 -f data.bin -w 6 -out first.wrapped",
                "getToken -n 5 -k 6 -u example_user -f use.token",
                "approveToken -tf use.token -s example_user -p example_pwd",
                "aesWrapUnwrap -m 1 -f data.bin -w 6 -out first.wrapped",
                "approveToken -tf use.token -s carol -p carol_pwd",
                "aesWrapUnwrap -m 1 -f data.bin -w 6 -out first.wrapped",
                "aesWrapUnwrap -m 0 -f first.wrapped -w 6 -out first.unwrapped");
        String[] steps = out.split("\nCommand: ");
        assertThat(steps[3]).startsWith("aesWrapUnwrap").contains("Cfm3WrapHostKey returned: 0x40000013");
        assertThat(steps[6]).as("one approval of two").contains("Cfm3WrapHostKey returned: 0x40000013");
        assertThat(steps[8]).contains("Cfm3WrapHostKey returned: 0x00 : HSM Return: SUCCESS");
        assertThat(steps[9]).as("the token served one wrap").contains("Cfm3UnWrapHostKey returned: 0x40000013");
        assertThat(work.resolve("first.wrapped")).hasSize(40);
        assertThat(work.resolve("first.unwrapped")).doesNotExist();
    }

    private String kmu(String... lines) {
        ScriptedConsole console = new ScriptedConsole();
        List.of(lines).forEach(console::type);
        KmuShell.tool(new ToolContext(catalog, clock, null, console, work), List.of());
        return console.output();
    }

    private String cmu(String... lines) {
        ScriptedConsole console = new ScriptedConsole();
        List.of(lines).forEach(console::type);
        CmuShell.tool(new ToolContext(catalog, clock, null, console, work), List.of());
        return console.output();
    }
}
