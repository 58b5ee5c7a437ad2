package io.hsmconsole.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside judges beyond pkcs11-tool, through the daemon's endpoint and Debian's p11-kit-client.so,
 * running the examples docs/pkcs11.md shows (examples/pkcs11/): Python's PyKCS11 (package
 * python3-pykcs11) and the JDK's SunPKCS11 (keytool and a JCA AES round trip). .ci/run installs the
 * packages; without them these fail loudly.
 */
class Pkcs11OutsideJudgesIT extends WithRunningDaemon {
    private static final String JAVA_BIN = Path.of(System.getProperty("java.home"), "bin").toString();
    private static final String SUN_PKCS11 = "-J-Dhsm.console.pkcs11.module=\"$HSM_CONSOLE_PKCS11_MODULE\"";

    @Test
    void pyKcs11OpensLogsInGeneratesEncryptsDecryptsAndSigns() throws Exception {
        Launchers.Result py = launchers.sh(ENV + "\"$PYTHON\" examples/pkcs11/pykcs11_example.py", Map.of("PYTHON", python()));
        assertThat(py.status()).as(py.stdout() + py.stderr()).isZero();
        assertThat(py.stdout()).contains("token: demo", "AES-ECB round trip: ", "HMAC-SHA256: ");

        Launchers.Result found = launchers.sh("bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd"
                + " findKey -l py-hmac");
        assertThat(found.stdout()).as("the simulator's key").contains("number of keys matched from start index 0::0");
    }

    @Test
    void sunPkcs11ListsTheTokenAndRoundTripsAesThroughJca() throws Exception {
        launchers.sh(ENV + "pkcs11-tool --module \"$HSM_CONSOLE_PKCS11_MODULE\" --login --pin example_user:example_pwd"
                + " --keygen --key-type AES:32 --label app-key");
        String keytool = JAVA_BIN + "/keytool -list -keystore NONE -storetype PKCS11 -providerClass sun.security.pkcs11.SunPKCS11"
                + " -providerArg examples/pkcs11/sunpkcs11.cfg " + SUN_PKCS11 + " -storepass ";
        Launchers.Result list = launchers.sh(ENV + keytool + "example_user:example_pwd");
        assertThat(list.status()).as(list.stdout() + list.stderr()).isZero();
        assertThat(list.stdout()).contains("Keystore provider: SunPKCS11-HsmKeyConsole", "app-key, SecretKeyEntry");

        Launchers.Result wrong = launchers.sh(ENV + keytool + "example_user:wrong_pwd");
        assertThat(wrong.status()).as("a wrong password does not open the token").isNotZero();

        Launchers.Result jca = launchers.sh(ENV + JAVA_BIN + "/java -Dhsm.console.pkcs11.module=\"$HSM_CONSOLE_PKCS11_MODULE\""
                + " examples/pkcs11/JcaAesExample.java examples/pkcs11/sunpkcs11.cfg");
        assertThat(jca.status()).as(jca.stdout() + jca.stderr()).isZero();
        assertThat(jca.stdout()).contains("keys: [app-key]", "AES-ECB round trip: ");
    }
}
