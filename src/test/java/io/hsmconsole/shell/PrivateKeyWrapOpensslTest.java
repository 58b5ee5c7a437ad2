package io.hsmconsole.shell;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.Attribute;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private keys out of and into the HSM by the wrapping routes, judged by OpenSSL: exportPrivateKey
 * -wk writes a PEM that {@code openssl pkey} checks, importPrivateKey -wk takes an OpenSSL key that
 * then signs what OpenSSL verifies, OpenSSL decrypts what wrapKey -m 8 (RSA_OAEP) wrapped into the
 * EC key it was, and an AES-GCM-wrapped key unwraps into a key whose signatures OpenSSL verifies with
 * the original public key.
 */
class PrivateKeyWrapOpensslTest extends OpensslJudgedKmu {

    /** An AES key that is both in the HSM (its handle) and in a file (kek.bin), as -wk needs. */
    private long kekInHsmAndFile() throws Exception {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        Files.write(work.resolve("kek.bin"), kek);
        long carrier = handleOf(kmu(LOGIN, "genSymKey -t 31 -s 32 -l carrier"), "Key Handle: (\\d+)");
        return handleOf(kmu(LOGIN, "imSymKey -f kek.bin -w " + carrier + " -t 31 -l kek"), "Key Handle: (\\d+)");
    }

    @Test
    void exportAndImportPrivateKeyWithAKeyFile() throws Exception {
        long kek = kekInHsmAndFile();
        long[] ec = generate("genECCKeyPair -i 14 -l ec");
        String out = kmu(LOGIN, "exportPubKey -k " + ec[0] + " -out ec.pub",
                "exportPrivateKey -k " + ec[1] + " -w " + kek + " -out ec.pem -wk kek.bin");
        assertThat(out).contains("Cfm3WrapKey returned: 0x00", "PEM formatted private key is written to ec.pem")
                .as("-wk: the tool unwraps, not the HSM").doesNotContain("Cfm3UnWrapHostKey");
        assertThat(openssl("pkey", "-in", "ec.pem", "-check", "-noout")).contains("Key is valid");
        openssl("pkey", "-in", "ec.pem", "-pubout", "-out", "derived.pub");
        assertThat(Files.readString(work.resolve("derived.pub"))).isEqualTo(Files.readString(work.resolve("ec.pub")));

        Files.write(work.resolve("other.bin"), new byte[32]);
        assertThat(kmu(LOGIN, "exportPrivateKey -k " + ec[1] + " -w " + kek + " -out other.pem -wk other.bin"))
                .contains("does not unwrap the exported key");
        assertThat(work.resolve("other.pem")).doesNotExist();

        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        String refused = kmu(LOGIN, "importPrivateKey -f rsa.key -l wrong-kek -w " + kek + " -wk other.bin",
                "findKey -l wrong-kek");
        assertThat(refused).contains("Cfm3UnWrapKey returned: 0x40000019", "Total number of keys present 0");
        long imported = handleOf(kmu(LOGIN, "importPrivateKey -f rsa.key -l imported -w " + kek + " -wk kek.bin"),
                "Private Key Unwrapped.  Key Handle: (\\d+)");
        kmu(LOGIN, "sign -f message.txt -k " + imported + " -m 1 -out rsa.sig");
        openssl("pkey", "-in", "rsa.key", "-pubout", "-out", "rsa.pub");
        assertThat(openssl("dgst", "-sha256", "-verify", "rsa.pub", "-signature", "rsa.sig", "message.txt"))
                .contains("Verified OK");
    }

    @Test
    void openSslDecryptsAnRsaOaepWrappedPrivateKey() throws Exception {
        long[] rsa = generate("genRSAKeyPair -m 3072 -e 65537 -l rsa-kek");
        long[] ec = generate("genECCKeyPair -i 2 -l ec");
        long aes = handleOf(kmu(LOGIN, "genSymKey -t 31 -s 32 -l aes"), "Key Handle: (\\d+)");
        // genRSAKeyPair's public key has OBJ_ATTR_WRAP 0; its owner sets it (CMU's setAttribute does the same)
        try (HsmCluster cluster = catalog.open("demo"); HsmSession owner = TestClusters.login(cluster, "example_user")) {
            assertThat(owner.setAttribute(rsa[0], Attribute.WRAP, 1, null).isSuccess()).isTrue();
        }
        String out = kmu(LOGIN, "wrapKey -k " + ec[1] + " -w " + rsa[0] + " -out ec.oaep -m 8 -t 3 -noheader",
                "exportPrivateKey -k " + rsa[1] + " -w " + aes + " -out rsa.pem",
                "exportPubKey -k " + ec[0] + " -out ec.pub");
        assertThat(out).contains("Key Wrapped.", "Wrapped Key written to file \"ec.oaep length 384");
        openssl("pkeyutl", "-decrypt", "-inkey", "rsa.pem", "-in", "ec.oaep", "-out", "ec.der",
                "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256");
        openssl("pkey", "-inform", "DER", "-in", "ec.der", "-pubout", "-out", "derived.pub");
        assertThat(Files.readString(work.resolve("derived.pub"))).as("the PKCS#8 of the wrapped EC key")
                .isEqualTo(Files.readString(work.resolve("ec.pub")));
    }

    @Test
    void anAesGcmWrappedPrivateKeyUnwrapsAndSignsForTheOriginalPublicKey() throws Exception {
        long[] ec = generate("genECCKeyPair -i 16 -l k1");
        long aes = handleOf(kmu(LOGIN, "genSymKey -t 31 -s 32 -l aes"), "Key Handle: (\\d+)");
        Files.writeString(work.resolve("aad.bin"), "invoice 42");
        String out = kmu(LOGIN, "exportPubKey -k " + ec[0] + " -out k1.pub",
                "wrapKey -k " + ec[1] + " -w " + aes + " -out k1.gcm -m 10 -aad aad.bin",
                "wrapKey -k " + ec[1] + " -w " + aes + " -out k1.raw -m 10 -aad aad.bin -noheader -iv_file k1.iv -tag_size 12",
                "unWrapKey -f k1.gcm -w " + aes + " -m 10",
                "unWrapKey -f k1.gcm -w " + aes + " -m 10 -aad aad.bin -l header-copy");
        assertThat(out).as("without its AAD the tag does not match").contains("Cfm3UnWrapKey returned: 0x40000019");
        long headerCopy = handleOf(out, "Key Unwrapped.  Key Handle: (\\d+)");
        assertThat(Files.size(work.resolve("k1.iv"))).isEqualTo(12);
        long rawCopy = handleOf(kmu(LOGIN, "unWrapKey -f k1.raw -w " + aes + " -m 10 -aad aad.bin -noheader -iv_file k1.iv"
                + " -tag_size 12 -l raw-copy -kc 3 -kt 3"), "Key Unwrapped.  Key Handle: (\\d+)");
        for (long copy : new long[]{headerCopy, rawCopy}) {
            kmu(LOGIN, "sign -f message.txt -k " + copy + " -m 17 -out k1.sig");
            assertThat(openssl("dgst", "-sha256", "-verify", "k1.pub", "-signature", "k1.sig", "message.txt"))
                    .as("copy %d", copy).contains("Verified OK");
        }
    }
}
