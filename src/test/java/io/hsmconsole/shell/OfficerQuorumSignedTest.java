package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.quorum.QuorumSignatures;
import io.hsmconsole.shell.cmu.CmuShell;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * quorum-authentication-crypto-officers*.md end to end in one cloudhsm_mgmt_util session, with the
 * officers' keys made outside the HSM (BouncyCastle, byte-compatible with openssl genrsa / dgst
 * -sha256 -sign): both officers register their public keys, setMValue 3 2, getToken 3, both sign the
 * token file (officer2 first with the wrong key: refused, named), approveToken answers only per
 * server as the page shows, createUser then succeeds once.
 */
class OfficerQuorumSignedTest {
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);
    final SecureRandom random = new SecureRandom();
    final Map<String, AsymmetricCipherKeyPair> keys = Map.of(
            "officer1", QuorumSignatures.newKeyPair(random), "officer2", QuorumSignatures.newKeyPair(random));
    Path work;

    @Test
    void twoOfficersApproveOneUserManagementOperation() throws IOException {
        TestClusters.demo(dir.resolve("data"), clock).close();
        ClusterCatalog catalog = TestClusters.catalog(dir.resolve("data"), clock);
        work = Files.createDirectories(dir.resolve("work"));
        for (String officer : keys.keySet()) {
            Files.writeString(work.resolve(officer + ".token"), "token to be signed\n");
            Files.write(work.resolve(officer + ".token.sig"), sign(officer, Files.readAllBytes(work.resolve(officer + ".token"))));
            Files.writeString(work.resolve(officer + ".pub"), QuorumSignedApprovalTest.pem(QuorumSignatures.publicDer(keys.get(officer))));
        }
        Files.writeString(work.resolve("approval.txt"), """
                Multi Token File Path = officer1.token;
                Token File Path = ;
                Number of Approvals = 2;
                Approver Type = 2; # 2 for CO, 1 for CU
                Approver Name = officer1;
                Approval File = officer1.token.sig1;
                Approver Type = 2; # 2 for CO, 1 for CU
                Approver Name = officer2;
                Approval File = officer1.token.sig2;
                """);
        Files.writeString(work.resolve("officer2-approval.txt"), "Multi Token File Path = officer1.token;\nToken File Path = ;\n"
                + "Number of Approvals = 1;\nApprover Type = 2;\nApprover Name = officer2;\nApproval File = officer1.token.sig2;\n");
        ScriptedConsole console = new ScriptedConsole()
                .type("loginHSM CO officer1 officer1_pwd")
                .type("createUser CO officer2 officer2_pwd").type("y")
                .type("registerQuorumPubKey CO officer1 officer1.token officer1.token.sig officer1.pub").type("y")
                .type("logoutHSM")
                .type("loginHSM CO officer2 officer2_pwd")
                .type("registerQuorumPubKey CO officer2 officer2.token officer2.token.sig officer2.pub").type("y")
                .type("logoutHSM")
                .type("loginHSM CO officer1 officer1_pwd")
                .type("setMValue 3 2").type("y")
                .type("getToken 3 officer1 officer1.token")
                .thenType(() -> {
                    signTokenFile("officer1", "officer1.token.sig1");
                    signTokenFile("officer1", "officer1.token.sig2"); // officer2's approval signed with the wrong key
                }, "approveToken approval.txt")
                .thenType(() -> signTokenFile("officer2", "officer1.token.sig2"), "approveToken officer2-approval.txt")
                .type("createUser CU user1 password").type("y")
                .type("createUser CU user2 password").type("y").type("A")
                .type("quit");
        CmuShell.tool(new ToolContext(catalog, clock, null, console, work), List.of());
        String[] steps = console.output().split("\naws-cloudhsm>");

        assertThat(steps[11]).startsWith("approveToken approval.txt")
                .contains("Approval by officer2 refused", "approveToken failed on server 0(10.0.0.1): HSM Error: The approval was refused");
        assertThat(steps[12]).as("the page's answer").isEqualTo("""
                approveToken officer2-approval.txt
                approveToken success on server 0(10.0.0.1)
                approveToken success on server 1(10.0.0.2)
                approveToken success on server 2(10.0.0.3)
                """);
        assertThat(steps[13]).endsWith("Do you want to continue(y/n)?y\nCreating User user1(CU) on 3 nodes\n");
        assertThat(steps[14]).contains("createUser failed: RET_MXN_AUTH_FAILED\ncreating user on server 0(10.0.0.1) failed\n\n"
                + "Retry/Ignore/Abort?(R/I/A):A");
    }

    private void signTokenFile(String signer, String signatureFile) {
        try {
            Files.write(work.resolve(signatureFile), sign(signer, Files.readAllBytes(work.resolve("officer1.token"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] sign(String officer, byte[] data) {
        return QuorumSignatures.sign(QuorumSignatures.privateDer(keys.get(officer)), data);
    }
}
