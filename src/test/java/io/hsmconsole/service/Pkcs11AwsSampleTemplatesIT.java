package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PyKCS11 sends the templates of AWS's own PKCS#11 sample (aws-cloudhsm-pkcs11-examples, generate.c),
 * which CloudHSM accepts: an AES session key, an RSA pair made with CKM_RSA_X9_31_KEY_PAIR_GEN and EC
 * pairs on P-256 and P-384, none naming CKA_LABEL (PKCS#11's default label is empty). Then a token EC
 * pair without a label, which key_mgmt_util and CloudHSM CLI list with an empty label. Needs
 * python3-pykcs11 (.ci/run installs it).
 */
class Pkcs11AwsSampleTemplatesIT extends WithRunningDaemon {
    private static final String SCRIPT = """
            import hashlib, os, PyKCS11
            from PyKCS11.LowLevel import *
            lib = PyKCS11.PyKCS11Lib()
            lib.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
            session = lib.openSession(lib.getSlotList(tokenPresent=True)[0], PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
            session.login("example_user:example_pwd")
            aes = session.generateKey([(CKA_SENSITIVE, True), (CKA_TOKEN, False), (CKA_VALUE_LEN, 32)],
                                      mecha=PyKCS11.Mechanism(CKM_AES_KEY_GEN))
            print("aes label", repr(session.getAttributeValue(aes, [CKA_LABEL])[0]))
            public, private = session.generateKeyPair(
                [(CKA_VERIFY, True), (CKA_MODULUS_BITS, 2048), (CKA_PUBLIC_EXPONENT, (1, 0, 1))], [(CKA_SIGN, True)],
                mecha=PyKCS11.Mechanism(CKM_RSA_X9_31_KEY_PAIR_GEN))
            signature = session.sign(private, b"Pay 100 to carol", PyKCS11.Mechanism(CKM_SHA256_RSA_PKCS))
            print("rsa x9.31 verifies", session.verify(public, b"Pay 100 to carol", signature, PyKCS11.Mechanism(CKM_SHA256_RSA_PKCS)))
            for name, oid in (("prime256v1", "06082a8648ce3d030107"), ("secp384r1", "06052b81040022")):
                public, private = session.generateKeyPair([(CKA_VERIFY, True), (CKA_EC_PARAMS, bytes.fromhex(oid))],
                                                          [(CKA_SIGN, True)], mecha=PyKCS11.Mechanism(CKM_EC_KEY_PAIR_GEN))
                digest = hashlib.sha256(b"Pay 100 to carol").digest()
                signature = session.sign(private, digest, PyKCS11.Mechanism(CKM_ECDSA))
                print(name, "verifies", session.verify(public, digest, signature, PyKCS11.Mechanism(CKM_ECDSA)))
            public, private = session.generateKeyPair([(CKA_TOKEN, True), (CKA_VERIFY, True), (CKA_EC_PARAMS, bytes.fromhex("06082a8648ce3d030107"))],
                                                      [(CKA_TOKEN, True), (CKA_SIGN, True)], mecha=PyKCS11.Mechanism(CKM_EC_KEY_PAIR_GEN))
            print("token pair", session.getAttributeValue(private, [CKA_LABEL]))
            session.logout()
            """;

    @Test
    void theTemplatesOfAwsSampleMakeKeysWithoutLabels() throws Exception {
        Path script = Files.writeString(temp.resolve("aws_sample_templates.py"), SCRIPT);
        Launchers.Result py = launchers.sh(ENV + "\"$PYTHON\" " + script, Map.of("PYTHON", python()));
        assertThat(py.status()).as(py.stdout() + py.stderr()).isZero();
        assertThat(py.stdout()).contains("aes label ''", "rsa x9.31 verifies True", "prime256v1 verifies True",
                "secp384r1 verifies True", "token pair ['']");

        Launchers.Result kmu = launchers.sh("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey");
        assertThat(kmu.stdout()).as("the token pair's two halves, the only token keys").contains("Total number of keys present 2", "number of keys matched from start index 0::1");
        Launchers.Result cli = launchers.sh("bin/cloudhsm-cli key list --verbose",
                Map.of("CLOUDHSM_ROLE", "crypto-user", "CLOUDHSM_PIN", "example_user:example_pwd"));
        assertThat(cli.status()).as(cli.stdout() + cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("\"label\": \"\"", "\"key-type\": \"ec\"");
    }
}
