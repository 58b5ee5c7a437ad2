package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.kmu.KmuShell;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real quorum flow through both shells, with approvers' keys made outside the HSM (here with
 * BouncyCastle, byte-compatible with {@code openssl genrsa / dgst -sha256 -sign}; the openssl run
 * itself is {@code QuorumOpensslIT}): each approver registers a public key with CMU
 * {@code registerQuorumPubKey}, then in one key_mgmt_util session the owner gets a token, the
 * approvers sign the token file, {@code approveToken -af} submits the signatures and the export of
 * the m_value-2 key succeeds once.
 */
class QuorumSignedApprovalTest {
    @TempDir
    Path dir;
    Path work;
    ClusterCatalog catalog;
    final ManualClock clock = new ManualClock(TestClusters.START);
    final SecureRandom random = new SecureRandom();
    final Map<String, AsymmetricCipherKeyPair> keys = Map.of(
            "example_user", QuorumSignatures.newKeyPair(random), "carol", QuorumSignatures.newKeyPair(random));

    @BeforeEach
    void cluster() throws IOException {
        TestClusters.demo(dir.resolve("data"), clock).close();
        catalog = TestClusters.catalog(dir.resolve("data"), clock);
        work = Files.createDirectories(dir.resolve("work"));
        for (String user : keys.keySet()) {
            byte[] registration = new byte[245];
            random.nextBytes(registration);
            Files.write(work.resolve(user + ".reg"), registration);
            Files.write(work.resolve(user + ".reg.sig"), sign(user, registration));
            Files.writeString(work.resolve(user + ".pub"), pem(QuorumSignatures.publicDer(keys.get(user))));
        }
    }

    @Test
    void signedApprovalsLetTheQuorumKeyBeExportedOnce() throws IOException {
        String cmu = cmu(new ScriptedConsole()
                .type("loginHSM CU example_user example_pwd")
                .type("registerQuorumPubKey CU carol carol.reg carol.reg.sig carol.pub").type("y")
                .type("registerQuorumPubKey CU example_user example_user.reg carol.reg.sig example_user.pub").type("y")
                .type("registerQuorumPubKey CU example_user example_user.reg example_user.reg.sig example_user.pub").type("y")
                .type("logoutHSM")
                .type("loginHSM CU carol carol_pwd")
                .type("registerQuorumPubKey CU carol carol.reg carol.reg.sig carol.pub").type("y")
                .type("listUsers")
                .type("quit"));
        assertThat(cmu).contains("registerQuorumPubKey failed on server 0(10.0.0.1): HSM Error: The current logged in"
                + " user is not authorized to do this operation");
        assertThat(cmu).as("a registration token signed by another key").contains("registerQuorumPubKey failed on"
                + " server 0(10.0.0.1): HSM Error: The approval was refused");
        assertThat(cmu.split("registerQuorumPubKey success on server 0\\(10\\.0\\.0\\.1\\)", -1)).hasSize(3);
        assertThat(cmu).containsPattern("3 +CU +example_user +YES").containsPattern("6 +CU +carol +YES");

        String kmu = kmu(new ScriptedConsole()
                .type("loginHSM -u CU -s example_user -p example_pwd")
                .type("genSymKey -t 31 -s 32 -l wrapper")
                .type("genSymKey -t 31 -s 32 -l guarded -m_value 2 -u 6")
                .type("exSymKey -k 262151 -w 6 -out guarded.key")
                .type("getToken -n 5 -k 262151 -u example_user -f guarded.token")
                .thenType(() -> {
                    signTokenFile("example_user", "guarded.token.sig1");
                    signTokenFile("example_user", "guarded.token.sig2");
                }, "approveToken -af approval.txt")
                .thenType(() -> signTokenFile("carol", "guarded.token.sig2"), "approveToken -af approval.txt")
                .type("exSymKey -k 262151 -w 6 -out guarded.key")
                .type("exSymKey -k 262151 -w 6 -out guarded.key"));
        String[] steps = kmu.split("\nCommand: ");
        assertThat(steps[4]).startsWith("exSymKey").contains("returned: 0x40000013 : HSM Error: Quorum approval is required");
        assertThat(steps[6]).as("carol's approval signed with example_user's key")
                .contains("Approval by example_user recorded: token 1 has 1 of 2 approvals",
                        "Approval by carol refused: token 1 has 1 of 2 approvals");
        assertThat(steps[7]).contains("returned: 0x40000026", "Approval by example_user refused")
                .as("example_user cannot approve twice");
        assertThat(steps[8]).startsWith("exSymKey").contains("Cfm3WrapKey returned: 0x00 : HSM Return: SUCCESS",
                "Wrapped Symmetric Key written to file \"guarded.key\"");
        assertThat(Files.size(work.resolve("guarded.key"))).isEqualTo(32);
        assertThat(steps[9]).as("a token serves one operation").contains("returned: 0x40000013");
    }

    @Test
    void onlyCarolsSecondApprovalFileCompletesTheToken() throws IOException {
        cmu(new ScriptedConsole().type("loginHSM CU carol carol_pwd")
                .type("registerQuorumPubKey CU carol carol.reg carol.reg.sig carol.pub").type("y").type("quit"));
        String kmu = kmu(new ScriptedConsole()
                .type("loginHSM -u CU -s example_user -p example_pwd")
                .type("genSymKey -t 31 -s 32 -l guarded -m_value 2 -u 6")
                .type("getToken -n 6 -k 6 -u example_user -f guarded.token")
                .type("approveToken -tf guarded.token -s example_user -p example_pwd")
                .thenType(() -> {
                    signTokenFile("carol", "guarded.token.sig2");
                    writeApproval("carol", "guarded.token.sig2");
                }, "approveToken -af approval.txt")
                .type("listTokens")
                .type("approveToken -tf guarded.token -s carol -p carol_pwd"));
        assertThat(kmu).contains("Approval by carol recorded: token 1 has 2 of 2 approvals", "Approver-1: carol");
        assertThat(kmu).as("carol registered her own key: the simulator cannot sign for her")
                .contains("Approval by carol refused");
    }

    private void signTokenFile(String user, String signatureFile) {
        try {
            Files.write(work.resolve(signatureFile), sign(user, Files.readAllBytes(work.resolve("guarded.token"))));
            if (!Files.exists(work.resolve("approval.txt"))) {
                Files.writeString(work.resolve("approval.txt"), """
                        Multi Token File Path = guarded.token;
                        Token File Path = ;
                        Number of Approvals = 2;
                        Approver Type = 1; # 2 for CO, 1 for CU
                        Approver Name = example_user;
                        Approval File = guarded.token.sig1;
                        Approver Type = 1; # 2 for CO, 1 for CU
                        Approver Name = carol;
                        Approval File = guarded.token.sig2;
                        """);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeApproval(String user, String signatureFile) {
        try {
            Files.writeString(work.resolve("approval.txt"), "Multi Token File Path = guarded.token;\nToken File Path = ;\n"
                    + "Number of Approvals = 1;\nApprover Type = 1;\nApprover Name = " + user + ";\nApproval File = "
                    + signatureFile + ";\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] sign(String user, byte[] data) {
        return QuorumSignatures.sign(QuorumSignatures.privateDer(keys.get(user)), data);
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private String cmu(ScriptedConsole console) {
        CmuShell.tool(new ToolContext(catalog, clock, null, console, work), List.of());
        return console.output();
    }

    private String kmu(ScriptedConsole console) {
        KmuShell.tool(new ToolContext(catalog, clock, null, console, work), List.of());
        return console.output();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
