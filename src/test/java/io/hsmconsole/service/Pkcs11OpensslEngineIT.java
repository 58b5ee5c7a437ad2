package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenSSL through OpenSC's engine (Debian libengine-pkcs11-openssl) and osslsigncode, on the module
 * {@code pkcs11-env} names (Debian's p11-kit 0.24.1 client): the README's block run as it is (it is read
 * from README.md, so the two cannot drift) — an RSA key made in the HSM signs a file through
 * {@code openssl dgst -engine pkcs11}, plain {@code openssl} verifies with the exported public key, the
 * HSM key self-signs a certificate ({@code openssl req -engine pkcs11}), and {@code osslsigncode} signs a
 * small PE program with it and verifies it. Then the judges are shown to judge: a changed file does not
 * verify, a changed byte of the program's code fails osslsigncode's check.
 * {@code osslsigncode}'s {@code -pkcs11engine <path>} is left out: with bookworm's 2.5 naming the engine's
 * path fails ("Failed to set 'dynamic' engine"); without it both 2.5 and 2.9 load the engine by its id.
 */
class Pkcs11OpensslEngineIT extends WithRunningDaemon {
    private static final String MARKER = "<!-- Pkcs11OpensslEngineIT runs this block as it is -->";

    /** The shell block after the marker in README.md. */
    static String readmeBlock() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf(MARKER);
        assertThat(at).as("README.md has the OpenSSL block").isPositive();
        int start = readme.indexOf("```sh\n", at) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmesOpensslAndOsslsigncodeBlockSignsWithTheHsmKey() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("report.txt"), "Quarterly report: all keys accounted for\n");
        Files.write(work.resolve("app.exe"), MinimalPe.build());
        Launchers.Result run = launchers.sh(ENV + "cd " + work + " && set -e\n" + readmeBlock());
        assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("Verified OK", "Signature verification: ok");

        Launchers.Result cert = launchers.sh("openssl x509 -in " + work.resolve("signer.crt") + " -noout -subject -pubkey");
        Launchers.Result pub = launchers.sh("cat " + work.resolve("signer.pem"));
        assertThat(cert.stdout()).contains("CN = HSM code signing").contains(pub.stdout().strip());

        Path changed = Files.writeString(work.resolve("report.txt"), "Quarterly report: one key missing\n");
        Launchers.Result verify = launchers.sh("cd " + work + " && openssl dgst -sha256 -verify signer.pem -signature report.sig "
                + changed.getFileName());
        assertThat(verify.stdout()).as("a changed file does not verify").contains("Verification failure");

        Path signed = work.resolve("app-signed.exe");
        byte[] program = Files.readAllBytes(signed);
        program[MinimalPe.TEXT_OFFSET] = (byte) 0x90; // ret becomes nop
        Files.write(signed, program);
        Launchers.Result tampered = launchers.sh("cd " + work + " && osslsigncode verify -CAfile signer.crt -in app-signed.exe");
        assertThat(tampered.status()).as("a changed program fails the check").isNotZero();
        assertThat(tampered.stdout() + tampered.stderr()).doesNotContain("Signature verification: ok");

        Launchers.Result found = launchers.sh("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey -l code-signer");
        assertThat(found.stdout()).as("both halves are the simulator's keys").contains("number of keys matched from start index 0::1");
    }
}
