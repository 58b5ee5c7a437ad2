package io.hsmconsole.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside judges' fixture: {@code bin/cloudhsm_client start} on a fresh data folder before each
 * test, {@code stop} after it; scripts run as the README writes them, from the project folder.
 */
abstract class WithRunningDaemon {
    /** Evaluates {@code pkcs11-env}, as the docs tell an application's shell to. */
    static final String ENV = "eval \"$(bin/cloudhsm_client pkcs11-env)\" && ";

    @TempDir
    Path temp;
    Launchers launchers;

    @BeforeEach
    void startDaemon() throws Exception {
        launchers = new Launchers(temp, temp.resolve("data"));
        Launchers.Result start = launchers.sh("bin/cloudhsm_client start");
        assertThat(start.status()).as(start.stdout() + start.stderr()).isZero();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        launchers.sh("bin/cloudhsm_client stop");
    }

    /** Debian's interpreter, where python3-pykcs11 installs (a python3 earlier on PATH may not see it). */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
