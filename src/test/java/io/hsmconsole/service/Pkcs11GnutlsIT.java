package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GnuTLS's p11tool (Debian gnutls-bin) as an outside judge of the daemon's endpoint through Debian's
 * p11-kit-client.so: the token, the mechanism list, and a crypto user's secret keys — none before
 * login (CloudHSM keys are private), pkcs11-tool's key after it. What p11tool can do with symmetric
 * keys beyond listing (importing one with --secret-key needs C_CreateObject) is refused, not faked;
 * key pairs are generated and test-signed.
 */
class Pkcs11GnutlsIT extends WithRunningDaemon {
    private static final String P11TOOL = "p11tool --provider \"$HSM_CONSOLE_PKCS11_MODULE\" ";
    private static final Map<String, String> PIN = Map.of("GNUTLS_PIN", "example_user:example_pwd");

    private Launchers.Result run(String script) throws Exception {
        return launchers.sh(ENV + script, PIN);
    }

    @Test
    void p11toolListsTheTokenItsMechanismsAndTheUsersKeys() throws Exception {
        Launchers.Result tokens = run(P11TOOL + "--list-tokens");
        assertThat(tokens.status()).as(tokens.stdout() + tokens.stderr()).isZero();
        assertThat(tokens.stdout()).contains("Label: demo", "Manufacturer: HSM Key Console", "Flags: RNG, Requires login");

        Launchers.Result mechanisms = run(P11TOOL + "--list-mechanisms \"pkcs11:token=demo\"");
        assertThat(mechanisms.stdout()).contains("CKM_AES_KEY_GEN keysize range (16, 32) hw generate",
                "CKM_SHA256_HMAC", "CKM_AES_ECB");

        Launchers.Result made = run("pkcs11-tool --module \"$HSM_CONSOLE_PKCS11_MODULE\" --login"
                + " --pin example_user:example_pwd --keygen --key-type AES:32 --label app-key");
        assertThat(made.status()).as(made.stderr()).isZero();
        Launchers.Result anonymous = launchers.sh(ENV + P11TOOL + "--list-all \"pkcs11:token=demo\"");
        assertThat(anonymous.stdout()).as("every CloudHSM key is private").doesNotContain("app-key");
        Launchers.Result all = run(P11TOOL + "--login --list-all \"pkcs11:token=demo\"");
        assertThat(all.status()).as(all.stdout() + all.stderr()).isZero();
        assertThat(all.stdout()).contains("object=app-key;type=secret-key", "Type: Secret key", "Label: app-key",
                "CKA_PRIVATE", "CKA_SENSITIVE");

        Launchers.Result imported = run(P11TOOL + "--login --secret-key 000102030405060708090a0b0c0d0e0f --label imp"
                + " --write \"pkcs11:token=demo\"");
        assertThat(imported.status()).as("C_CreateObject is not served").isNotZero();
        assertThat(imported.stdout() + imported.stderr()).contains("unsupported feature");
    }

    /**
     * p11tool --generate-privkey makes RSA and ECDSA pairs in the HSM and --test-sign signs with each and
     * verifies against the private key's parameters and the token's public key (GnuTLS's own judge). Without
     * --id, p11tool names the pair with a random 20-byte binary CKA_ID (the public key's SHA-1), which the
     * simulator keeps as bytes, as CloudHSM does; KMU shows it as 0x and hex digits.
     */
    @Test
    void p11toolGeneratesRsaAndEcdsaKeysAndTestSignsWithThem() throws Exception {
        String[][] pairs = {{"rsa --bits 2048", "gnutls-rsa", "676e7231", "RSA-SHA256"},
            {"ecdsa --curve secp256r1", "gnutls-ec", "676e6531", "ECDSA-SHA256"}};
        for (String[] p : pairs) {
            Launchers.Result made = run(P11TOOL + "--login --generate-privkey " + p[0] + " --label " + p[1] + " --id " + p[2]
                    + " \"pkcs11:token=demo\"");
            assertThat(made.status()).as(made.stdout() + made.stderr()).isZero();
            assertThat(made.stdout()).contains("-----BEGIN PUBLIC KEY-----");
            Launchers.Result signed = run(P11TOOL + "--login --test-sign \"pkcs11:token=demo;object=" + p[1] + "\"");
            assertThat(signed.status()).as(signed.stdout() + signed.stderr()).isZero();
            assertThat(signed.stdout() + signed.stderr()).contains("Signing using " + p[3] + "... ok",
                    "Verifying against private key parameters... ok", "Verifying against public key in the token... ok");
        }
        Launchers.Result found = launchers.sh("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey -l gnutls-ec");
        assertThat(found.stdout()).as("both halves are the simulator's keys").contains("number of keys matched from start index 0::1");

        Launchers.Result randomId = run(P11TOOL + "--login --generate-privkey rsa --bits 2048 --label no-id \"pkcs11:token=demo\"");
        assertThat(randomId.status()).as(randomId.stdout() + randomId.stderr()).isZero();
        Launchers.Result signed = run(P11TOOL + "--login --test-sign \"pkcs11:token=demo;object=no-id\"");
        assertThat(signed.status()).as(signed.stdout() + signed.stderr()).isZero();
        Launchers.Result both = launchers.sh("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey -l no-id");
        assertThat(both.stdout()).as("both halves, under one binary ID").contains("number of keys matched from start index 0::1");
        Launchers.Result listed = run(P11TOOL + "--login --list-all \"pkcs11:token=demo;object=no-id\"");
        assertThat(listed.stdout()).as("p11tool reads back a 20-byte ID").containsPattern("ID: ([0-9a-f]{2}:){19}[0-9a-f]{2}");
    }
}
