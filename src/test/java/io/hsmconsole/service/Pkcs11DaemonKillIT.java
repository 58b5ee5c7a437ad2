package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.hsm.user.UserType;
import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL of the daemon while an application generates token keys in a loop (PyKCS11 through
 * p11-kit-client.so): every key whose C_GenerateKey returned CKR_OK is in the store afterwards, and
 * {@code cloudhsm_client start} serves PKCS#11 again over what the killed daemon left.
 */
class Pkcs11DaemonKillIT {
    private static final int KEYS_BEFORE_KILL = 10;
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
                label = "loop-%d" % i
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
        new Launchers(temp, data()).sh("bin/cloudhsm_client stop");
    }

    @Test
    void everyKeyThatReturnedOkSurvivesAKill() throws Exception {
        Launchers launchers = new Launchers(temp, data());
        assertThat(launchers.sh("bin/cloudhsm_client start").status()).isZero();
        Path loop = Files.writeString(temp.resolve("loop.py"), LOOP);
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Launchers.Running app = launchers.startSh("eval \"$(bin/cloudhsm_client pkcs11-env)\" && exec \"$PYTHON\" \"$LOOP\"",
                Map.of("PYTHON", python, "LOOP", loop.toString()));

        while (lines(app.out()).size() < KEYS_BEFORE_KILL) {
            assertThat(app.process().isAlive()).as("the loop runs: " + Files.readString(app.err())).isTrue();
            Thread.sleep(20);
        }
        long pid = new ServiceFiles(new DataDirectory(data())).readPid().orElseThrow();
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        daemon.destroyForcibly(); // SIGKILL: no shutdown hook runs
        daemon.onExit().get(30, TimeUnit.SECONDS);
        assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).as("the application sees the daemon go").isTrue();

        List<String> returnedOk = lines(app.out());
        assertThat(returnedOk).hasSizeGreaterThanOrEqualTo(KEYS_BEFORE_KILL);
        try (HsmCluster cluster = new ClusterCatalog(new DataDirectory(data()), HsmClock.SYSTEM).open(ClusterCatalog.DEMO_CLUSTER)) {
            HsmSession user = cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, "example_user",
                    "example_pwd".toCharArray()).value();
            for (String label : returnedOk) {
                assertThat(user.findKeys(KeyQuery.byLabel(label)).value()).as(label + " returned CKR_OK").hasSize(1);
            }
            user.close();
        }

        assertThat(launchers.sh("bin/cloudhsm_client start").status()).as("starts over what the kill left").isZero();
        Launchers.Result again = launchers.sh("eval \"$(bin/cloudhsm_client pkcs11-env)\" && pkcs11-tool --module"
                + " \"$HSM_CONSOLE_PKCS11_MODULE\" --login --pin example_user:example_pwd --list-objects --type secrkey");
        assertThat(again.status()).as(again.stdout() + again.stderr()).isZero();
        assertThat(again.stdout()).contains("label:      " + returnedOk.get(0));
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("loop-")).toList();
    }
}
