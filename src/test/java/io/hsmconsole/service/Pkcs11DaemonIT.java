package io.hsmconsole.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's PKCS#11 quick start exactly as written, run by {@code sh} from the project folder
 * (after {@code package}, failsafe): {@code bin/cloudhsm_client start} serves PKCS#11,
 * {@code eval "$(bin/cloudhsm_client pkcs11-env)"} points pkcs11-tool at it, the key it makes is the
 * one {@code key_mgmt_util findKey -l app-key} finds; {@code stop} removes the socket. Needs
 * p11-kit-modules and opensc (.ci/run installs them).
 */
class Pkcs11DaemonIT {
    private static final String QUICK_START = """
            eval "$(bin/cloudhsm_client pkcs11-env)"
            pkcs11-tool --module "$HSM_CONSOLE_PKCS11_MODULE" --login --pin example_user:example_pwd \\
                --keygen --key-type AES:32 --label app-key
            bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey -l app-key
            """;

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    @AfterEach
    void stop() throws Exception {
        sh("bin/cloudhsm_client stop");
    }

    @Test
    void theReadmeQuickStartWorksAsWritten() throws Exception {
        Launchers.Result before = sh("bin/cloudhsm_client pkcs11-env");
        assertThat(before.status()).isEqualTo(1);
        assertThat(before.stdout()).as("nothing to eval").isEmpty();
        assertThat(before.stderr()).contains("cloudhsm_client: not running for", "cloudhsm_client start");

        assertThat(sh("bin/cloudhsm_client start").status()).isZero();
        Path socket = data().resolve("service").resolve("pkcs11.sock");
        Launchers.Result env = sh("bin/cloudhsm_client pkcs11-env");
        assertThat(env.status()).as(env.stderr()).isZero();
        assertThat(env.stdout().lines()).hasSize(2);
        assertThat(env.stdout().lines().toList().get(0))
                .isEqualTo("export P11_KIT_SERVER_ADDRESS=unix:path=" + data().toRealPath().resolve("service/pkcs11.sock"));
        assertThat(env.stdout().lines().toList().get(1)).matches("export HSM_CONSOLE_PKCS11_MODULE=/\\S+/p11-kit-client\\.so");
        assertThat(Files.getPosixFilePermissions(socket)).as("owner-only")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        Launchers.Result quickStart = sh(QUICK_START);
        assertThat(quickStart.status()).as(quickStart.stdout() + quickStart.stderr()).isZero();
        assertThat(quickStart.stdout()).contains("Key generated:", "label:      app-key",
                "number of keys matched from start index 0::0", "Cfm3FindKey returned: 0x00");

        Launchers.Result status = sh("bin/cloudhsm_client status");
        assertThat(status.stdout()).contains("  pkcs11        unix:path=" + data().toRealPath().resolve("service/pkcs11.sock")
                + " (0 connections)");

        Launchers.Result stop = sh("bin/cloudhsm_client stop");
        assertThat(stop.status()).isZero();
        assertThat(socket).as("the socket goes with the service").doesNotExist();
        assertThat(sh("bin/cloudhsm_client pkcs11-env").status()).isEqualTo(1);
    }

    private Launchers.Result sh(String script) throws IOException, InterruptedException {
        return new Launchers(temp, data()).sh(script);
    }
}
