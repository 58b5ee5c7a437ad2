package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside judges for RSA encryption, RSA key wrapping and ECDH: OpenSSL encrypts to the HSM's public key
 * and pkcs11-tool decrypts with the private key (PKCS#1 v1.5 and OAEP-SHA256); OpenSSL wraps a known AES
 * key, pkcs11-tool unwraps it into the HSM, the HSM's AES-ECB matches OpenSSL's with that key, and
 * pkcs11-tool wraps it back out; PyKCS11 encrypts, decrypts, wraps and unwraps (examples/pkcs11/pykcs11_rsa.py);
 * an ECDH key derived in the HSM (examples/pkcs11/pykcs11_ecdh.py) encrypts as the secret openssl
 * pkeyutl -derive computes from the other side. Debian's p11-kit 0.24.1 client carries RSA-PKCS and
 * RSA-PKCS-OAEP, not ECDH1-DERIVE (p11-kit 0.25's does: scripts/p11-kit-client.sh).
 */
class Pkcs11RsaEcdhIT extends WithRunningDaemon {
    private static final String LOGIN = "--login --pin example_user:example_pwd ";
    private static final String TOOL = "pkcs11-tool --module \"$HSM_CONSOLE_PKCS11_MODULE\" " + LOGIN;
    private static final String NEWER = "export HSM_CONSOLE_PKCS11_MODULE=\"$(scripts/p11-kit-client.sh)\" && ";
    private static final String RSA_ID = "72736131"; // "rsa1"

    private Launchers.Result ok(String command) throws Exception {
        Launchers.Result r = launchers.sh(command);
        assertThat(r.status()).as(command + "\n" + r.stdout() + r.stderr()).isZero();
        return r;
    }

    /** An RSA pair that may decrypt and wrap, and its public key as PEM for OpenSSL. */
    private Path rsaPair() throws Exception {
        ok(ENV + TOOL + "--keypairgen --key-type rsa:2048 --label rsa-app --id " + RSA_ID + " --usage-decrypt --usage-wrap");
        Path der = temp.resolve("pub.der");
        ok(ENV + TOOL + "--read-object --type pubkey --id " + RSA_ID + " -o " + der);
        Path pem = temp.resolve("pub.pem");
        ok("openssl pkey -pubin -inform DER -in " + der + " -out " + pem);
        return pem;
    }

    @Test
    void opensslEncryptsToTheHsmsPublicKeyAndPkcs11ToolDecrypts() throws Exception {
        Path pem = rsaPair();
        Path plain = Files.writeString(temp.resolve("plain.txt"), "Pay 100 to carol");
        String[][] cases = {
            {"", "-m RSA-PKCS"},
            {" -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256",
                "-m RSA-PKCS-OAEP --hash-algorithm SHA256 --mgf MGF1-SHA256"}};
        for (String[] c : cases) {
            Path sealed = temp.resolve("sealed.bin");
            Path back = temp.resolve("back.txt");
            Files.deleteIfExists(back);
            ok("openssl pkeyutl -encrypt -pubin -inkey " + pem + c[0] + " -in " + plain + " -out " + sealed);
            ok(ENV + TOOL + "--decrypt " + c[1] + " --id " + RSA_ID + " -i " + sealed + " -o " + back);
            assertThat(Files.readString(back)).as(c[1]).isEqualTo("Pay 100 to carol");
        }
        Path wrong = Files.write(temp.resolve("wrong.bin"), new byte[256]);
        Launchers.Result refused = launchers.sh(ENV + TOOL + "--decrypt -m RSA-PKCS --id " + RSA_ID + " -i " + wrong);
        // C_Decrypt answers CKR_ENCRYPTED_DATA_INVALID; pkcs11-tool then retries in parts, which RSA is not done in
        assertThat(refused.status()).isNotZero();
        assertThat(refused.stderr()).contains("C_DecryptUpdate failed: rv = CKR_MECHANISM_INVALID");
    }

    @Test
    void pkcs11ToolUnwrapsAnOpensslWrappedKeyAndWrapsItBackOut() throws Exception {
        Path pem = rsaPair();
        byte[] key = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        Path keyFile = Files.write(temp.resolve("aes.key"), key);
        Path wrapped = temp.resolve("aes.wrapped");
        ok("openssl pkeyutl -encrypt -pubin -inkey " + pem + " -in " + keyFile + " -out " + wrapped);
        ok(ENV + TOOL + "--unwrap -m RSA-PKCS --id " + RSA_ID + " -i " + wrapped
                + " --key-type AES:32 --application-label imported-aes --application-id 696d70 --extractable");

        Path zeros = Files.write(temp.resolve("zeros"), new byte[16]);
        Path hsmEcb = temp.resolve("hsm.ecb");
        ok(ENV + TOOL + "--encrypt -m AES-ECB --id 696d70 -i " + zeros + " -o " + hsmEcb);
        Path opensslEcb = temp.resolve("openssl.ecb");
        ok("openssl enc -aes-256-ecb -nopad -K " + HexFormat.of().formatHex(key) + " -in " + zeros + " -out " + opensslEcb);
        assertThat(Files.readAllBytes(hsmEcb)).as("the unwrapped key is OpenSSL's").isEqualTo(Files.readAllBytes(opensslEcb));

        Path rewrapped = temp.resolve("rewrapped.bin");
        ok(ENV + TOOL + "--wrap -m RSA-PKCS --id " + RSA_ID + " --application-id 696d70 -o " + rewrapped);
        Path unsealed = temp.resolve("unsealed.key");
        ok(ENV + TOOL + "--decrypt -m RSA-PKCS --id " + RSA_ID + " -i " + rewrapped + " -o " + unsealed);
        assertThat(Files.readAllBytes(unsealed)).as("wrapped out, the same key").isEqualTo(key);

        // pkcs11-tool 0.23 passes CKM_RSA_PKCS_OAEP to C_WrapKey without its CK_RSA_PKCS_OAEP_PARAMS; p11-kit's
        // client cannot serialise a missing parameter and answers CKR_HOST_MEMORY itself (PyKCS11 below does OAEP).
        Launchers.Result oaep = launchers.sh(ENV + TOOL + "--wrap -m RSA-PKCS-OAEP --id " + RSA_ID + " --application-id 696d70 -o "
                + temp.resolve("oaep.bin"));
        assertThat(oaep.status()).isNotZero();
        assertThat(oaep.stderr()).contains("C_WrapKey failed: rv = CKR_HOST_MEMORY");
    }

    @Test
    void pyKcs11EncryptsDecryptsWrapsAndUnwrapsWithRsa() throws Exception {
        Launchers.Result py = launchers.sh(ENV + "\"$PYTHON\" examples/pkcs11/pykcs11_rsa.py", Map.of("PYTHON", python()));
        assertThat(py.status()).as(py.stdout() + py.stderr()).isZero();
        assertThat(py.stdout()).contains("public key CKA_PRIVATE: True", "RSA PKCS#1 v1.5 round trip: ok", "RSA OAEP-SHA256 round trip: ok",
                "RSA-OAEP wrapped AES key: 256 bytes; unwrapped copy encrypts as the original");
        Launchers.Result found = ok("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey -l py-unwrapped");
        assertThat(found.stdout()).as("the unwrapped key is the simulator's").contains("number of keys matched from start index 0::0");
    }

    @Test
    void anEcdhKeyDerivedInTheHsmMatchesOpensslsSecret() throws Exception {
        Path peer = temp.resolve("peer.pem");
        ok("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " + peer);
        Path peerDer = temp.resolve("peer.der");
        ok("openssl pkey -in " + peer + " -pubout -outform DER -out " + peerDer);
        Path hsmPublic = temp.resolve("hsm-public.der");
        Launchers.Result py = launchers.sh(ENV + NEWER + "\"$PYTHON\" examples/pkcs11/pykcs11_ecdh.py " + peerDer + " " + hsmPublic,
                Map.of("PYTHON", python()));
        assertThat(py.status()).as(py.stdout() + py.stderr()).isZero();
        String hsm = py.stdout().replaceAll("(?s).*zero block under the shared key: ([0-9a-f]{32}).*", "$1");

        Path z = temp.resolve("z.bin");
        ok("openssl pkeyutl -derive -inkey " + peer + " -peerkey " + hsmPublic + " -peerform DER -out " + z);
        Path zeros = Files.write(temp.resolve("zeros"), new byte[16]);
        Path ecb = temp.resolve("openssl.ecb");
        ok("openssl enc -aes-256-ecb -nopad -K " + HexFormat.of().formatHex(Files.readAllBytes(z)) + " -in " + zeros + " -out " + ecb);
        assertThat(hsm).as("the HSM's key is the shared secret").isEqualTo(HexFormat.of().formatHex(Files.readAllBytes(ecb)));

        // Debian's 0.24.1 client has no serialiser for CK_ECDH1_DERIVE_PARAMS: it leaves the mechanism out of
        // C_GetMechanismList (pkcs11-tool -M) and refuses it itself;
        // through 0.25.5 pkcs11-tool 0.23's --derive reaches us and the key is made (without CKA_LABEL, PKCS#11's
        // empty label, as CloudHSM makes it), then pkcs11-tool reads its CKA_VALUE back, which is sensitive.
        assertThat(ok(ENV + TOOL + "-M").stdout()).contains("RSA-PKCS-OAEP", "RSA-X-509").doesNotContain("ECDH1-DERIVE");
        assertThat(ok(ENV + NEWER + TOOL + "-M").stdout()).contains("RSA-PKCS-OAEP", "ECDH1-DERIVE, keySize={192,521}, hw, derive");
        ok(ENV + TOOL + "--keypairgen --key-type EC:prime256v1 --label ec-dh --id 65636468 --usage-derive");
        Launchers.Result stock = launchers.sh(ENV + TOOL + "--derive -m ECDH1-DERIVE --id 65636468 -i " + peerDer);
        assertThat(stock.stderr()).contains("C_DeriveKey failed: rv = CKR_MECHANISM_INVALID");
        Launchers.Result newer = launchers.sh(ENV + NEWER + TOOL + "--derive -m ECDH1-DERIVE --id 65636468 -i " + peerDer);
        assertThat(newer.stderr()).doesNotContain("C_DeriveKey failed")
                .contains("C_GetAttributeValue(VALUE) failed: rv = CKR_ATTRIBUTE_SENSITIVE");
    }

    /**
     * pkcs11-tool --test with an RSA pair present, through both clients: every part it runs passes —
     * random, digests, signatures (the four C_Sign* functions; RSA-PKCS, SHA1- and SHA256-RSA-PKCS),
     * verification, and decryption (RSA-PKCS, RSA-PKCS-OAEP with and without a label, RSA-X-509).
     */
    @Test
    void pkcs11ToolTestPassesEveryPartWithAnRsaPairPresent() throws Exception {
        ok(ENV + TOOL + "--keypairgen --key-type rsa:2048 --label rsa-test --id " + RSA_ID + " --usage-decrypt --usage-sign");
        for (String client : new String[] {"", NEWER}) {
            Launchers.Result test = launchers.sh(ENV + client + TOOL + "--test");
            String report = test.stdout() + test.stderr();
            assertThat(test.status()).as(report).isZero();
            assertThat(report).as(client).contains("seems to be OK", "all 4 digest functions seem to work",
                    "Signatures (currently only for RSA)", "all 4 signature functions seem to work",
                    "    RSA-PKCS: OK", "    SHA1-RSA-PKCS: OK", "    SHA256-RSA-PKCS: OK",
                    "Verify (currently only for RSA)", "Decryption (currently only for RSA)", "    RSA-X-509: OK",
                    "No errors");
            assertThat(report.split("RSA-PKCS-OAEP: mgf not set, defaulting to MGF1-SHA256\nOK", -1))
                    .as("OAEP with and without a label").hasSize(3);
            assertThat(report).doesNotContain("ERR", "FAILED", "failed");
        }
    }
}
