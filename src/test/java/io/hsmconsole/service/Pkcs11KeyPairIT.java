package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside judges for key pairs: pkcs11-tool makes RSA and EC pairs and signs, plain openssl verifies
 * with the public key read back; PyKCS11 makes an EC pair and signs; the JDK's SunPKCS11 signs with
 * SHA256withECDSA and the JDK's own provider verifies. Needs opensc, openssl, python3-pykcs11.
 */
class Pkcs11KeyPairIT extends WithRunningDaemon {
    private static final String TOOL = ENV + "pkcs11-tool --module \"$HSM_CONSOLE_PKCS11_MODULE\" --login --pin example_user:example_pwd ";
    private static final String JAVA_BIN = Path.of(System.getProperty("java.home"), "bin").toString();

    private Launchers.Result ok(String command) throws Exception {
        Launchers.Result r = launchers.sh(command);
        assertThat(r.status()).as(command + "\n" + r.stdout() + r.stderr()).isZero();
        return r;
    }

    /** pkcs11-tool generates, signs, reads the public key back; openssl checks the signature with it. */
    private void signedByHsmVerifiedByOpenssl(String keyType, String id, String mechanism, String format) throws Exception {
        Path data = temp.resolve("data.txt");
        java.nio.file.Files.writeString(data, "Pay 100 to carol\n");
        ok(TOOL + "--keypairgen --key-type " + keyType + " --label pair-" + id + " --id " + id);
        ok(TOOL + "--sign -m " + mechanism + " --id " + id + format + " -i " + data + " -o " + temp.resolve("sig-" + id));
        ok(TOOL + "--read-object --type pubkey --id " + id + " -o " + temp.resolve("pub-" + id + ".der"));
        ok("openssl pkey -pubin -inform DER -in " + temp.resolve("pub-" + id + ".der") + " -out " + temp.resolve("pub-" + id + ".pem"));
        String verify = "openssl dgst -sha256 -verify " + temp.resolve("pub-" + id + ".pem") + " -signature "
                + temp.resolve("sig-" + id) + " ";
        assertThat(ok(verify + data).stdout()).contains("Verified OK");
        java.nio.file.Files.writeString(data, "Pay 900 to carol\n");
        assertThat(launchers.sh(verify + data).status()).as("a changed message does not verify").isNotZero();
    }

    @Test
    void pkcs11ToolRsaPairSignsWithSha256RsaPkcsAndOpensslVerifies() throws Exception {
        signedByHsmVerifiedByOpenssl("rsa:2048", "01", "SHA256-RSA-PKCS", "");
        Launchers.Result listed = ok(TOOL + "--list-objects --type pubkey");
        assertThat(listed.stdout()).contains("Public Key Object; RSA 2048 bits", "pair-01");
    }

    @Test
    void pkcs11ToolEcPairSignsWithEcdsaSha256AndOpensslVerifies() throws Exception {
        signedByHsmVerifiedByOpenssl("EC:prime256v1", "02", "ECDSA-SHA256", " --signature-format openssl");
        Launchers.Result listed = ok(TOOL + "--list-objects --type privkey");
        assertThat(listed.stdout()).contains("Private Key Object; EC", "pair-02");
    }

    @Test
    void pyKcs11GeneratesAnEcPairAndSigns() throws Exception {
        Launchers.Result py = launchers.sh(ENV + "\"$PYTHON\" examples/pkcs11/pykcs11_ec.py", Map.of("PYTHON", python()));
        assertThat(py.status()).as(py.stdout() + py.stderr()).isZero();
        assertThat(py.stdout()).contains("ECDSA-SHA256: ", "EC point: 0441");
        Launchers.Result found = ok("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd"
                + " findKey -l py-ec");
        assertThat(found.stdout()).as("both halves are the simulator's keys").contains("number of keys matched from start index 0::1");
    }

    @Test
    void sunPkcs11SignsSha256WithEcdsaAndTheJdkVerifies() throws Exception {
        Launchers.Result jca = launchers.sh(ENV + JAVA_BIN + "/java -Dhsm.console.pkcs11.module=\"$HSM_CONSOLE_PKCS11_MODULE\""
                + " examples/pkcs11/JcaEcSignExample.java examples/pkcs11/sunpkcs11.cfg");
        assertThat(jca.status()).as(jca.stdout() + jca.stderr()).isZero();
        assertThat(jca.stdout()).contains("JDK verifies the HSM's signature: true", "JDK verifies a changed message: false");
    }
}
