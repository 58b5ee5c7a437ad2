package io.hsmconsole.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/cloudhsm-cli <command> …} goes through a running client daemon as key_mgmt_util's
 * {@code singlecmd} does, with the caller's {@code CLOUDHSM_ROLE}/{@code CLOUDHSM_PIN}: the same bytes
 * on standard output and error and the same exit status as a JVM of its own (answers, a refused login,
 * a usage error), files relative to the caller's folder, and the daemon's count of calls proves which
 * runs it served. {@code interactive} and a login that would ask for its password run in the JVM.
 */
class CliDaemonIT {
    private static final Map<String, String> CU = Map.of("CLOUDHSM_ROLE", "crypto-user",
            "CLOUDHSM_PIN", "example_user:example_pwd");
    private static final Map<String, String> WRONG = Map.of("CLOUDHSM_ROLE", "crypto-user",
            "CLOUDHSM_PIN", "example_user:nope");

    @TempDir
    Path temp;

    private Launchers launchers() {
        return new Launchers(temp, temp.resolve("data"));
    }

    private Launchers.Result cli(boolean service, Map<String, String> env, String... args) throws Exception {
        return launchers().run("cloudhsm-cli", List.of(args), service, env);
    }

    @AfterEach
    void stopTheService() throws Exception {
        launchers().run("cloudhsm_client", List.of("stop"), false);
    }

    @Test
    void singleCommandsGoThroughTheDaemonWithTheBytesAJvmPrints() throws Exception {
        Launchers.Result jvmMade = cli(false, CU, "key", "generate-symmetric", "aes", "--label", "by-jvm",
                "--key-length-bytes", "32", "--attributes", "wrap=true");
        assertThat(jvmMade.status()).as(jvmMade.stderr()).isZero();
        Launchers.Result jvmList = cli(false, CU, "key", "list", "--verbose");
        Launchers.Result jvmWrong = cli(false, WRONG, "key", "list");
        Launchers.Result jvmUsage = cli(false, CU, "key", "list", "--colour");

        Launchers.Result start = launchers().run("cloudhsm_client", List.of("start", "--idle-minutes", "5"), true);
        assertThat(start.status()).as(start.stderr()).isZero();
        Launchers.Result servedList = cli(true, CU, "key", "list", "--verbose");
        Launchers.Result servedWrong = cli(true, WRONG, "key", "list");
        Launchers.Result servedUsage = cli(true, CU, "key", "list", "--colour");
        Launchers.Result servedWrap = cli(true, CU, "key", "wrap", "aes-pkcs5-pad", "--payload-filter", "attr.label=by-jvm",
                "--wrapping-filter", "attr.label=by-jvm", "--path", "wrapped.bin");
        Launchers.Result interactive = launchers().run("cloudhsm-cli", List.of("interactive"), true, CU);
        Launchers.Result status = launchers().run("cloudhsm_client", List.of("status"), true);

        assertThat(servedList.stdout()).isEqualTo(jvmList.stdout()).contains("\"label\": \"by-jvm\"");
        assertThat(servedList.status()).isEqualTo(jvmList.status()).isZero();
        assertThat(servedWrong.stdout()).isEqualTo(jvmWrong.stdout()).contains("\"error_code\": 1");
        assertThat(servedWrong.status()).isEqualTo(jvmWrong.status()).isEqualTo(1);
        assertThat(servedUsage.stdout()).isEqualTo(jvmUsage.stdout()).isEmpty();
        assertThat(servedUsage.stderr()).isEqualTo(jvmUsage.stderr()).startsWith("error: unexpected argument '--colour'");
        assertThat(servedUsage.status()).isEqualTo(jvmUsage.status()).isEqualTo(2);
        // a key may wrap itself when its wrap attribute is set: the answer is the daemon's, the file the caller's
        assertThat(servedWrap.status()).as(servedWrap.stdout() + servedWrap.stderr()).isZero();
        assertThat(temp.resolve("wrapped.bin")).as("written relative to the caller's folder").exists();
        assertThat(Files.size(temp.resolve("wrapped.bin"))).isEqualTo(48);
        assertThat(interactive.status()).isZero();
        assertThat(status.stdout()).as("the four single commands went through the daemon, interactive mode did not")
                .contains("calls served  4");

        Launchers.Result servedMade = cli(true, CU, "key", "generate-symmetric", "aes", "--label", "by-daemon",
                "--key-length-bytes", "16");
        assertThat(servedMade.status()).as(servedMade.stderr()).isZero();
        assertThat(cli(false, CU, "key", "list", "--filter", "attr.label=by-daemon").stdout())
                .as("a key the daemon made is the cluster's").contains("\"total_key_count\": 1");
    }
}
