package io.hsmconsole.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenSSL judges genDSAKeyPair's keys: the public key exportPubKey writes is a 2048-bit DSA key with
 * a 224-bit q (FIPS 186-4's L = 2048, N = 224), the private key exportPrivateKey writes is its half,
 * and findKey -t 1 finds both. Signing with DSA is refused (sign's page lists RSA and ECDSA only).
 * Needs {@code openssl} (.ci/run installs it); without it the test fails.
 */
class DsaOpensslTest extends OpensslJudgedKmu {

    @Test
    void openSslReadsTheExportedDsaKeys() throws Exception {
        long[] pair = generate("genDSAKeyPair -m 2048 -l dsa");
        String out = kmu(LOGIN, "exportPubKey -k " + pair[0] + " -out public.pem", "genSymKey -t 31 -s 32 -l wrapping",
                "findKey -t 1");
        assertThat(out).doesNotContain("returned: 0x4", "returned: 0xa").contains(pair[0] + ", " + pair[1]);
        String text = openssl("pkey", "-pubin", "-in", "public.pem", "-noout", "-text");
        assertThat(text).contains("Public-Key: (2048 bit)").contains("P:").contains("Q:").contains("G:");
        assertThat(openssl("dsa", "-pubin", "-in", "public.pem", "-noout", "-text")).contains("pub:");
        long wrapping = handleOf(out, "Symmetric Key Created.  Key Handle: (\\d+)");
        assertThat(exportedPrivateKeyIsTheHalfOfPublicPem(pair[1], wrapping, "-text")).contains("Private-Key: (2048 bit)");
    }

    @Test
    void dsaKeysDoNotSign() throws Exception {
        long[] pair = generate("genDSAKeyPair -m 2048 -l dsa");
        Files.writeString(work.resolve("message.txt"), "Pay 100 to carol");
        String out = kmu(LOGIN, "sign -f message.txt -k " + pair[1] + " -m 1 -out sig");
        assertThat(out).contains("Cfm3Sign returned: 0x4").doesNotContain("returned: 0x00 : HSM Return: SUCCESS\n\n\tsignature");
        assertThat(Files.exists(work.resolve("sig"))).isFalse();
    }

    @Test
    void aDsaKeyOfAnotherSizeIsNotImported() throws Exception {
        openssl("dsaparam", "-out", "p1024.pem", "1024");
        openssl("gendsa", "-out", "dsa1024.key", "p1024.pem");
        openssl("pkey", "-in", "dsa1024.key", "-pubout", "-out", "dsa1024.pub");
        String out = kmu(LOGIN, "importPubKey -l small -f dsa1024.pub", "findKey -l small");
        assertThat(out).contains("returned: 0x40000054").doesNotContain("Public Key Handle");
    }
}
