package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.AuditRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted session through both shells — logins right and wrong, user management with passwords,
 * an import of a known key, exports, aesWrapUnwrap with an IV, HMAC sign/verify, quorum approvals by
 * password — then the audit log, as stored and as {@code audit print} / {@code audit export} write
 * it, is searched for every password typed and for the key material, the IV, the data and the
 * signature in the encodings a log could hold them (hex either case, KMU's spaced hex, Base64).
 */
class ShellAuditSecretsTest {
    private static final List<String> PASSWORDS = List.of("wrong_pwd1", "example_pwd", "carol_pwd", "bob_try_pwd",
            "officer1_pwd", "dave_secret_pwd", "dave_other_pwd", "example_new_pwd");
    private static final String IV = "0011223344556677";

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);

    @Test
    void noPasswordKeyMaterialOrDataReachesTheAuditLog() throws IOException {
        TestClusters.demo(dir.resolve("data"), clock).close();
        ClusterCatalog catalog = TestClusters.catalog(dir.resolve("data"), clock);
        Path work = Files.createDirectories(dir.resolve("work"));
        byte[] knownKey = new byte[32];
        new SecureRandom().nextBytes(knownKey);
        Files.write(work.resolve("known.key"), knownKey);
        Files.writeString(work.resolve("secret.txt"), "top secret payload for a wrap!!\n");

        String first = run(catalog, work, KmuShell::tool,
                "loginHSM -u CU -s example_user -p wrong_pwd1",
                "loginHSM -u CU -s example_user -p example_pwd",
                "genSymKey -t 31 -s 32 -l wrapper",
                "imSymKey -f known.key -w 6 -t 31 -l imported",
                "genSymKey -t 16 -s 32 -l hmac",
                "aesWrapUnwrap -m 1 -f secret.txt -w 262151 -i 0x" + IV + " -out secret.wrapped",
                "aesWrapUnwrap -m 0 -f secret.wrapped -w 262151 -i 0x" + IV + " -out secret.unwrapped",
                "exSymKey -k 6 -w 262151 -out wrapper.key",
                "exSymKey -k 524296 -w 6 -out hmac.key",
                "exSymKey -k 262151 -w 6 -out imported.key",
                "genSymKey -t 31 -s 32 -l guarded -m_value 2 -u 6",
                "getToken -n 5 -k 9 -u example_user -f use.token",
                "approveToken -tf use.token -s bob -p bob_try_pwd",
                "approveToken -tf use.token -s example_user -p example_pwd",
                "approveToken -tf use.token -s carol -p carol_pwd",
                "aesWrapUnwrap -m 1 -f secret.txt -w 9 -out guarded.wrapped");
        assertThat(first).contains("Symmetric Key Unwrapped.  Key Handle: 262151", "Key Handle: 524296",
                "Key Handle: 9", "result written to file secret.unwrapped", "result written to file guarded.wrapped");
        run(catalog, work, CmuShell::tool, "loginHSM CU example_user example_pwd", "setAttribute 524296 264 1", "y",
                "setAttribute 524296 266 1", "y", "changePswd CU example_user example_new_pwd", "y", "quit");
        String second = run(catalog, work, KmuShell::tool, "loginHSM -u CU -s example_user -p example_new_pwd",
                "sign -f secret.txt -k 524296 -m 22 -out secret.sig",
                "verify -f secret.txt -s secret.sig -k 524296 -m 22");
        assertThat(second).contains("Signature verification successful");
        run(catalog, work, CmuShell::tool, "loginHSM CO officer1 officer1_pwd", "createUser CU dave dave_secret_pwd",
                "y", "changePswd CU dave dave_other_pwd", "y", "quit");

        List<String> logs = new ArrayList<>();
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            List<AuditRecord> records = cluster.auditLog().records(0, 10_000);
            assertThat(records).extracting(AuditRecord::command).contains("aesWrapUnwrap",
                    "imSymKey", "exSymKey", "approveToken", "changePswd", "createUser")
                    .as("CloudHSM's audit log has no event for sign or verify").doesNotContain("sign", "verify");
            assertThat(records).filteredOn(r -> r.command().equals("aesWrapUnwrap")).extracting(AuditRecord::arguments)
                    .contains("-m 1 -w 262151 -i <iv>", "-m 0 -w 262151 -i <iv>", "-m 1 -w 9");
            records.forEach(r -> logs.add(r.userName() + " " + r.command() + " " + r.arguments()));
        }
        logs.add(run(catalog, work, List.of("audit", "print", "csv")));
        logs.add(run(catalog, work, List.of("audit", "print", "jsonl")));
        assertThat(run(catalog, work, List.of("audit", "export", "audit.jsonl"))).contains("exported to audit.jsonl");
        logs.add(Files.readString(work.resolve("audit.jsonl")));
        assertThat(run(catalog, work, List.of("audit", "verify"))).contains("is intact");

        List<byte[]> secrets = List.of(knownKey, Files.readAllBytes(work.resolve("wrapper.key")),
                Files.readAllBytes(work.resolve("hmac.key")), Files.readAllBytes(work.resolve("secret.txt")),
                Files.readAllBytes(work.resolve("secret.sig")), HexFormat.of().parseHex(IV));
        assertThat(Files.readAllBytes(work.resolve("imported.key"))).as("the HSM holds the imported bytes")
                .isEqualTo(knownKey);
        for (String log : logs) {
            for (String password : PASSWORDS) {
                assertThat(log).as("password " + password).doesNotContain(password);
            }
            for (byte[] secret : secrets) {
                for (String form : encodings(secret)) {
                    assertThat(log).as("secret bytes as " + form).doesNotContainIgnoringCase(form);
                }
            }
        }
    }

    /** How bytes could show in a text log: hex (also spaced, as KMU prints), Base64, and the text itself. */
    private static List<String> encodings(byte[] secret) {
        byte[] head = Arrays.copyOf(secret, Math.min(secret.length, 12));
        return Stream.of(HexFormat.of().formatHex(head), HexFormat.ofDelimiter(" ").formatHex(head),
                        Base64.getEncoder().encodeToString(head).substring(0, 12),
                        new String(head, StandardCharsets.ISO_8859_1).strip())
                .filter(form -> form.length() >= 6).toList();
    }

    private String run(ClusterCatalog catalog, Path work, ShellLauncher.Tool tool, String... lines) {
        ScriptedConsole console = new ScriptedConsole();
        List.of(lines).forEach(console::type);
        tool.run(new ToolContext(catalog, clock, null, console, work), List.of());
        return console.output();
    }

    private String run(ClusterCatalog catalog, Path work, List<String> args) {
        ScriptedConsole console = new ScriptedConsole();
        KmuShell.tool(new ToolContext(catalog, clock, null, console, work), args);
        return console.output();
    }
}
