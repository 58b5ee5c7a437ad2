package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GnuTLS's p11tool (Debian gnutls-bin) as an outside judge of the daemon's endpoint through Debian's
 * p11-kit-client.so: the token, the mechanism list, and a crypto user's secret keys — none before
 * login (CloudHSM keys are private), pkcs11-tool's key after it. What p11tool can do with symmetric
 * keys beyond listing (importing one with --secret-key needs C_CreateObject) is refused, not faked.
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
}
