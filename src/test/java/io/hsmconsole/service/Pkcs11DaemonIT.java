package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.reliability.Scale;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's PKCS#11 quick start exactly as written, run by {@code sh} from the project folder
 * (after {@code package}, failsafe): {@code bin/cloudhsm_client start} serves PKCS#11,
 * {@code eval "$(bin/cloudhsm_client pkcs11-env)"} points pkcs11-tool at it, the key it makes is the
 * one {@code key_mgmt_util findKey -l app-key} finds; {@code stop} removes the socket. And SIGKILL of
 * the daemon while an application (PyKCS11) generates token keys in a loop: every key whose
 * C_GenerateKey returned CKR_OK is in the store, and {@code start} serves PKCS#11 again over what the
 * killed daemon left. Needs p11-kit-modules, opensc and python3-pykcs11 (.ci/run installs them).
 */
class Pkcs11DaemonIT {
    private static final String QUICK_START = """
            eval "$(bin/cloudhsm_client pkcs11-env)"
            pkcs11-tool --module "$HSM_CONSOLE_PKCS11_MODULE" --login --pin example_user:example_pwd \\
                --keygen --key-type AES:32 --label app-key
            bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd findKey -l app-key
            """;

    private static final int KEYS_BEFORE_KILL = 10;
    private static final java.util.Random RANDOM = new java.util.Random();
    private static final String LOOP = """
            import os, PyKCS11
            from PyKCS11.LowLevel import CKA_CLASS, CKA_KEY_TYPE, CKA_LABEL, CKA_TOKEN, CKA_VALUE_LEN, CKK_AES, \\
                CKM_AES_KEY_GEN, CKO_SECRET_KEY
            lib = PyKCS11.PyKCS11Lib()
            lib.load(os.environ["HSM_CONSOLE_PKCS11_MODULE"])
            s = lib.openSession(lib.getSlotList(tokenPresent=True)[0], PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION)
            s.login("example_user:example_pwd")
            i = 0
            while True:
                label = "loop-%s-%d" % (os.environ["ROUND"], i)
                s.generateKey([(CKA_CLASS, CKO_SECRET_KEY), (CKA_KEY_TYPE, CKK_AES), (CKA_VALUE_LEN, 16),
                               (CKA_LABEL, label), (CKA_TOKEN, True)], mecha=PyKCS11.Mechanism(CKM_AES_KEY_GEN))
                print(label, flush=True)  # only after CKR_OK
                i += 1
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

    @Test
    void everyKeyThatReturnedOkSurvivesAKill() throws Exception {
        Launchers launchers = new Launchers(temp, data());
        Path loop = Files.writeString(temp.resolve("loop.py"), LOOP);
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        int kills = Scale.pick(1, 20);
        int acknowledged = 0;
        String first = null;
        for (int round = 0; round < kills; round++) {
            assertThat(launchers.sh("bin/cloudhsm_client start").status()).as("starts over what the kill left").isZero();
            Launchers.Running app = launchers.startSh("eval \"$(bin/cloudhsm_client pkcs11-env)\" && exec \"$PYTHON\" \"$LOOP\"",
                    Map.of("PYTHON", python, "LOOP", loop.toString(), "ROUND", Integer.toString(round)));
            // A random count past the first keys, so the kill lands anywhere in a C_GenerateKey.
            int before = KEYS_BEFORE_KILL + RANDOM.nextInt(KEYS_BEFORE_KILL);
            while (lines(app.out()).size() < before) {
                assertThat(app.process().isAlive()).as("the loop runs: " + Files.readString(app.err())).isTrue();
                Thread.sleep(20);
            }
            long pid = new ServiceFiles(new DataDirectory(data())).readPid().orElseThrow();
            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
            daemon.destroyForcibly(); // SIGKILL: no shutdown hook runs
            daemon.onExit().get(30, TimeUnit.SECONDS);
            assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).as("the application sees the daemon go").isTrue();

            List<String> returnedOk = lines(app.out());
            assertThat(returnedOk).hasSizeGreaterThanOrEqualTo(before);
            try (HsmCluster cluster = new ClusterCatalog(new SqliteBackend(), new DataDirectory(data()), HsmClock.SYSTEM).open(ClusterCatalog.DEMO_CLUSTER)) {
                HsmSession user = cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "example_user",
                        "example_pwd".toCharArray()).value();
                for (String label : returnedOk) {
                    assertThat(user.findKeys(KeyQuery.byLabel(label)).value()).as(label + " returned CKR_OK").hasSize(1);
                }
                user.close();
            }
            acknowledged += returnedOk.size();
            first = first == null ? returnedOk.get(0) : first;
        }
        System.out.println("PKCS#11 kill test: " + kills + " SIGKILLs, " + acknowledged + " keys returned CKR_OK, 0 lost");

        assertThat(launchers.sh("bin/cloudhsm_client start").status()).as("starts over what the kill left").isZero();
        Launchers.Result again = launchers.sh("eval \"$(bin/cloudhsm_client pkcs11-env)\" && pkcs11-tool --module"
                + " \"$HSM_CONSOLE_PKCS11_MODULE\" --login --pin example_user:example_pwd --list-objects --type secrkey");
        assertThat(again.status()).as(again.stdout() + again.stderr()).isZero();
        assertThat(again.stdout()).contains("label:      " + first);
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("loop-")).toList();
    }
}
