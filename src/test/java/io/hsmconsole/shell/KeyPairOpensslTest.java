package io.hsmconsole.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenSSL, the outside judge of key pairs: it reads the public keys exportPubKey writes and the
 * private keys exportPrivateKey writes, verifies the signatures sign makes with every documented
 * mechanism (RSA PKCS#1 v1.5 and PSS, ECDSA on every curve), and makes private keys (PKCS#8 and the
 * traditional forms) that importPrivateKey takes and that then sign what OpenSSL verifies. Needs
 * the {@code openssl} command (.ci/run installs it); without it the test fails, it does not skip.
 */
class KeyPairOpensslTest extends OpensslJudgedKmu {
    private static final String[] HASHES = {"sha1", "sha256", "sha384", "sha512", "sha224"};

    @Test
    void openSslVerifiesEveryRsaMechanismAndReadsTheExportedKeys() throws Exception {
        long[] pair = generate("genRSAKeyPair -m 2048 -e 65537 -l rsa");
        List<String> lines = new ArrayList<>(List.of(LOGIN, "exportPubKey -k " + pair[0] + " -out public.pem",
                "genSymKey -t 31 -s 32 -l wrapping"));
        for (int m = 0; m <= 9; m++) {
            lines.add("sign -f message.txt -k " + pair[1] + " -m " + m + " -out sig" + m);
        }
        String out = kmu(lines.toArray(String[]::new));
        assertThat(out).doesNotContain("returned: 0x4", "returned: 0xa");
        assertThat(openssl("pkey", "-pubin", "-in", "public.pem", "-noout", "-text")).contains("Public-Key: (2048 bit)");
        for (int i = 0; i < 5; i++) {
            assertThat(openssl("dgst", "-" + HASHES[i], "-verify", "public.pem", "-signature", "sig" + i, "message.txt"))
                    .as("PKCS#1 v1.5, mechanism %d", i).contains("Verified OK");
            assertThat(openssl("dgst", "-" + HASHES[i], "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:-1",
                    "-verify", "public.pem", "-signature", "sig" + (5 + i), "message.txt"))
                    .as("PSS, mechanism %d", 5 + i).contains("Verified OK");
        }
        openssl("dgst", "-sha256", "-binary", "-out", "digest.bin", "message.txt");
        assertThat(openssl("pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-in", "digest.bin", "-sigfile", "sig1",
                "-pkeyopt", "digest:sha256")).contains("Signature Verified Successfully");

        long wrapping = handleOf(out, "Symmetric Key Created.  Key Handle: (\\d+)");
        assertThat(exportedPrivateKeyIsTheHalfOfPublicPem(pair[1], wrapping, "-check")).contains("Key is valid");
    }

    @Test
    void openSslVerifiesEcdsaOnEveryCurve() throws Exception {
        String[][] curves = {{"2", "prime256v1"}, {"13", "secp224r1"}, {"14", "secp384r1"}, {"15", "secp521r1"}, {"16", "secp256k1"}};
        for (String[] curve : curves) {
            long[] pair = generate("genECCKeyPair -i " + curve[0] + " -l ec" + curve[0]);
            List<String> lines = new ArrayList<>(List.of(LOGIN, "exportPubKey -k " + pair[0] + " -out ec.pem"));
            for (int m = 15; m <= 19; m++) {
                lines.add("sign -f message.txt -k " + pair[1] + " -m " + m + " -out sig" + m);
            }
            assertThat(kmu(lines.toArray(String[]::new))).doesNotContain("returned: 0x4", "returned: 0xa");
            assertThat(openssl("pkey", "-pubin", "-in", "ec.pem", "-noout", "-text")).contains("ASN1 OID: " + curve[1]);
            String[] ecdsaHashes = {"sha1", "sha224", "sha256", "sha384", "sha512"};
            for (int i = 0; i < 5; i++) {
                assertThat(openssl("dgst", "-" + ecdsaHashes[i], "-verify", "ec.pem", "-signature", "sig" + (15 + i),
                        "message.txt")).as("curve %s mechanism %d", curve[1], 15 + i).contains("Verified OK");
            }
        }
    }

    @Test
    void keysOpenSslMadeAreImportedAndSignWhatOpenSslVerifies() throws Exception {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "ec.key");
        // The traditional forms OpenSSL's older commands write: PKCS#1 and SEC 1.
        openssl("rsa", "-in", "rsa.key", "-traditional", "-out", "rsa-pkcs1.key");
        openssl("ecparam", "-name", "secp256k1", "-genkey", "-noout", "-out", "k1.key");
        String[][] keys = {{"rsa.key", "1"}, {"ec.key", "18"}, {"rsa-pkcs1.key", "6"}, {"k1.key", "17"}};
        String made = kmu(LOGIN, "genSymKey -t 31 -s 32 -l wrapping");
        long wrapping = handleOf(made, "Symmetric Key Created.  Key Handle: (\\d+)");
        for (String[] key : keys) {
            String out = kmu(LOGIN, "importPrivateKey -f " + key[0] + " -l imported -w " + wrapping);
            long imported = handleOf(out, "Private Key Unwrapped.  Key Handle: (\\d+)");
            kmu(LOGIN, "sign -f message.txt -k " + imported + " -m " + key[1] + " -out imported.sig");
            openssl("pkey", "-in", key[0], "-pubout", "-out", "imported.pub");
            List<String> verify = new ArrayList<>(List.of("dgst", key[1].equals("18") ? "-sha384" : "-sha256"));
            if (key[1].equals("6")) {
                verify.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:-1"));
            }
            verify.addAll(List.of("-verify", "imported.pub", "-signature", "imported.sig", "message.txt"));
            assertThat(openssl(verify.toArray(String[]::new))).as(key[0]).contains("Verified OK");
        }
    }

    @Test
    void anAesKeyOpenSslEncryptedWithRsaOaepUnwrapsUnderThePrivateKey() throws Exception {
        long[] pair = generate("genRSAKeyPair -m 2048 -e 65537 -l kek");
        kmu(LOGIN, "exportPubKey -k " + pair[0] + " -out kek.pem");
        byte[] aes = java.util.HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        Files.write(work.resolve("aes.bin"), aes);
        openssl("pkeyutl", "-encrypt", "-pubin", "-inkey", "kek.pem", "-in", "aes.bin", "-out", "aes.oaep",
                "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256");
        String out = kmu(LOGIN, "unWrapKey -f aes.oaep -w " + pair[1] + " -m 8 -t 3 -noheader -l imported -kc 4 -kt 31",
                "unWrapKey -f aes.oaep -w " + pair[1] + " -m 8 -t 2 -noheader -l wrong-hash -kc 4 -kt 31",
                "unWrapKey -f aes.oaep -w " + pair[0] + " -m 8 -t 3 -noheader -l public-key -kc 4 -kt 31");
        long imported = handleOf(out, "Key Unwrapped.  Key Handle: (\\d+)");
        // -noheader: the page's two calls (unWrapKey.md), the second one answers.
        assertThat(out).contains("Cfm2UnWrapWithTemplate3 returned: 0x40000019", "Cfm2UnWrapWithTemplate3 returned: 0x40000018");
        // The unwrapped key is the AES key OpenSSL encrypted: its KCV is AES's encryption of a zero block.
        javax.crypto.Cipher ecb = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(aes, "AES"));
        String kcv = java.util.HexFormat.of().formatHex(ecb.doFinal(new byte[16]), 0, 3);
        assertThat(kmu(LOGIN, "findKey -kcv " + kcv)).contains("\n" + imported + "\n");
    }

    @Test
    void aPrivateKeyIsNoPublicKeyAndGarbageIsNoKey() throws Exception {
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
        openssl("pkey", "-in", "ec.key", "-pubout", "-out", "ec.pub");
        // An explicit-parameters curve the HSM does not list: OpenSSL makes it, the HSM refuses it.
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:brainpoolP256r1", "-out", "brainpool.key");
        Files.writeString(work.resolve("garbage.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        String made = kmu(LOGIN, "genSymKey -t 31 -s 32 -l wrapping");
        long wrapping = handleOf(made, "Symmetric Key Created.  Key Handle: (\\d+)");
        String out = kmu(LOGIN, "importPubKey -l x -f ec.key", "importPrivateKey -l x -f ec.pub -w " + wrapping,
                "importPubKey -l x -f garbage.pem", "importPrivateKey -l x -f brainpool.key -w " + wrapping, "findKey -l x");
        assertThat(out).contains("Invalid file. Should be a PEM public key", "Invalid file. Should be an unencrypted PEM private key",
                "Cfm3UnWrapKey returned: 0x40000054", "Total number of keys present 0");
    }

    @Test
    void openSslReadsTheFakePemAsTheKeysModulusAndNoSecret() throws Exception {
        long[] pair = generate("genRSAKeyPair -m 2048 -e 65537 -l tls -nex");
        kmu(LOGIN, "exportPubKey -k " + pair[0] + " -out tls.pub", "getCaviumPrivKey -k " + pair[1] + " -out cavKey.pem");
        String modulus = openssl("rsa", "-pubin", "-in", "tls.pub", "-noout", "-modulus");
        assertThat(openssl("rsa", "-in", "cavKey.pem", "-noout", "-modulus")).as("the certificate's key matches")
                .isEqualTo(modulus);
        assertThat(openssl("rsa", "-in", "cavKey.pem", "-noout", "-text")).as("the handle, not the private exponent")
                .containsPattern("privateExponent: " + pair[1] + " ");
    }
}
