package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside judges for key pairs: pkcs11-tool makes RSA and EC pairs and signs, plain openssl verifies
 * with the public key read back; PyKCS11 makes an EC pair and signs; the JDK's SunPKCS11 signs with
 * SHA256withECDSA and the JDK's own provider verifies. Debian's p11-kit 0.24.1 client carries
 * SHA*-RSA-PKCS, RSA-PKCS-PSS (with its parameters) and raw ECDSA, but refuses ECDSA-SHA256 and
 * SHA*-RSA-PKCS-PSS itself; p11-kit 0.25.5's client (scripts/p11-kit-client.sh) carries them.
 * Needs opensc, openssl, python3-pykcs11 (.ci/run installs them).
 */
class Pkcs11KeyPairIT extends WithRunningDaemon {
    private static final String TOOL = "pkcs11-tool --module \"$HSM_CONSOLE_PKCS11_MODULE\" --login --pin example_user:example_pwd ";
    private static final String NEWER = "export HSM_CONSOLE_PKCS11_MODULE=\"$(scripts/p11-kit-client.sh)\" && ";
    private static final String JAVA_BIN = Path.of(System.getProperty("java.home"), "bin").toString();

    private Launchers.Result ok(String command) throws Exception {
        Launchers.Result r = launchers.sh(command);
        assertThat(r.status()).as(command + "\n" + r.stdout() + r.stderr()).isZero();
        return r;
    }

    private Path message(String text) throws Exception {
        return Files.writeString(temp.resolve("message.txt"), text);
    }

    /** The pair's public key as pkcs11-tool reads it back (DER), converted by openssl to PEM. */
    private Path publicKey(String id) throws Exception {
        Path der = temp.resolve("pub-" + id + ".der");
        ok(ENV + TOOL + "--read-object --type pubkey --id " + id + " -o " + der);
        Path pem = temp.resolve("pub-" + id + ".pem");
        ok("openssl pkey -pubin -inform DER -in " + der + " -out " + pem);
        return pem;
    }

    /** openssl's verdict on a signature of the message file, with extra options (PSS). */
    private boolean opensslVerifies(Path pem, Path signature, Path message, String options) throws Exception {
        Launchers.Result r = launchers.sh("openssl dgst -sha256 -verify " + pem + options + " -signature " + signature + " " + message);
        return r.status() == 0 && r.stdout().contains("Verified OK");
    }

    @Test
    void pkcs11ToolRsaPairSignsAndOpensslVerifies() throws Exception {
        Path data = message("Pay 100 to carol\n");
        String id = "72736131"; // "rsa1": CloudHSM key IDs are printable
        ok(ENV + TOOL + "--keypairgen --key-type rsa:2048 --label rsa-app --id " + id);
        Path pem = publicKey(id);

        Path pkcs1 = temp.resolve("sig-pkcs1");
        ok(ENV + TOOL + "--sign -m SHA256-RSA-PKCS --id " + id + " -i " + data + " -o " + pkcs1);
        assertThat(opensslVerifies(pem, pkcs1, data, "")).isTrue();

        // RSA-PKCS-PSS signs a hash the caller made, with CK_RSA_PKCS_PSS_PARAMS (0.24.1 carries them)
        Path hash = temp.resolve("hash");
        ok("openssl dgst -sha256 -binary -out " + hash + " " + data);
        Path pss = temp.resolve("sig-pss");
        ok(ENV + TOOL + "--sign -m RSA-PKCS-PSS --hash-algorithm SHA256 --mgf MGF1-SHA256 --id " + id + " -i " + hash + " -o " + pss);
        String pssOptions = " -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32";
        assertThat(opensslVerifies(pem, pss, data, pssOptions)).isTrue();

        // SHA256-RSA-PKCS-PSS only reaches us through p11-kit 0.25's client
        Path hashedPss = temp.resolve("sig-sha256-pss");
        ok(ENV + NEWER + TOOL + "--sign -m SHA256-RSA-PKCS-PSS --mgf MGF1-SHA256 --id " + id + " -i " + data + " -o " + hashedPss);
        assertThat(opensslVerifies(pem, hashedPss, data, pssOptions)).isTrue();

        Path changed = Files.writeString(temp.resolve("changed.txt"), "Pay 900 to carol\n");
        assertThat(opensslVerifies(pem, pkcs1, changed, "")).as("a changed message does not verify").isFalse();
        assertThat(ok(ENV + TOOL + "--list-objects --type pubkey").stdout()).contains("Public Key Object; RSA 2048 bits", "rsa-app");
    }

    @Test
    void pkcs11ToolEcPairSignsAndOpensslVerifies() throws Exception {
        Path data = message("Pay 100 to carol\n");
        String id = "65633031"; // "ec01"
        ok(ENV + TOOL + "--keypairgen --key-type EC:prime256v1 --label ec-app --id " + id);
        Path pem = publicKey(id);

        // Debian's client: raw ECDSA over a hash made here
        Path hash = temp.resolve("hash");
        ok("openssl dgst -sha256 -binary -out " + hash + " " + data);
        Path raw = temp.resolve("sig-raw");
        ok(ENV + TOOL + "--sign -m ECDSA --signature-format openssl --id " + id + " -i " + hash + " -o " + raw);
        assertThat(opensslVerifies(pem, raw, data, "")).isTrue();

        // p11-kit 0.25's client carries ECDSA-SHA256: the HSM hashes
        Path hashed = temp.resolve("sig-sha256");
        ok(ENV + NEWER + TOOL + "--sign -m ECDSA-SHA256 --signature-format openssl --id " + id + " -i " + data + " -o " + hashed);
        assertThat(opensslVerifies(pem, hashed, data, "")).isTrue();

        Path changed = Files.writeString(temp.resolve("changed.txt"), "Pay 900 to carol\n");
        assertThat(opensslVerifies(pem, hashed, changed, "")).as("a changed message does not verify").isFalse();
        assertThat(ok(ENV + TOOL + "--list-objects --type privkey").stdout()).contains("Private Key Object; EC", "ec-app");
    }

    @Test
    void pyKcs11GeneratesAnEcPairAndSigns() throws Exception {
        Launchers.Result py = launchers.sh(ENV + "\"$PYTHON\" examples/pkcs11/pykcs11_ec.py", Map.of("PYTHON", python()));
        assertThat(py.status()).as(py.stdout() + py.stderr()).isZero();
        assertThat(py.stdout()).contains("ECDSA over SHA-256: ", "EC point: 0441");
        Launchers.Result found = ok("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey -l py-ec");
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
