package io.hsmconsole.store.postgresql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --store postgresql://…} on every launcher, without {@code HSM_CONSOLE_STORE}: a key made by
 * key_mgmt_util is listed by cloudhsm-cli, a user cloudhsm-cli makes is listed by
 * cloudhsm_mgmt_util, the client daemon started with {@code --store} serves the launchers that name
 * the same store and no other; nothing of it lands in a local SQLite file. A malformed URL stops a
 * launcher with status 2, naming {@code --store}, never echoing the password; a server that is down
 * is one line and status 1, from every launcher and through the daemon.
 */
class StoreOptionLaunchersIT {
    private static final Path BIN = Path.of("bin").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void everyLauncherTakesStore() throws Exception {
        String store = PostgresServer.text(PostgresServer.get().newDatabase());
        Path data = temp.resolve("data");

        Result made = run(data, Map.of(), null, "key_mgmt_util", "--store", store, "singlecmd", "loginHSM", "-u", "CU",
                "-s", "example_user", "-p", "example_pwd", "genSymKey", "-t", "31", "-s", "32", "-l", "made-by-kmu");
        assertThat(made.status).as(made.output).isZero();

        Map<String, String> cryptoUser = Map.of("CLOUDHSM_ROLE", "crypto-user", "CLOUDHSM_PIN", "example_user:example_pwd");
        Result listed = run(data, cryptoUser, null, "cloudhsm-cli", "--store", store, "key", "list");
        assertThat(listed.status).as(listed.output).isZero();
        assertThat(listed.output).contains("made-by-kmu");

        Map<String, String> admin = Map.of("CLOUDHSM_ROLE", "admin", "CLOUDHSM_PIN", "admin:admin_pwd");
        Result user = run(data, admin, null, "cloudhsm-cli", "--store=" + store, "user", "create", "--username",
                "teamcu", "--role", "crypto-user", "--password", "teamcu_pwd1");
        assertThat(user.status).as(user.output).isZero();

        Result users = run(data, Map.of(), "listUsers\nquit\n", "cloudhsm_mgmt_util", "--store", store);
        assertThat(users.output).contains("teamcu");

        assertThat(data.resolve("clusters").resolve("demo").resolve("cluster.db")).doesNotExist();
        assertThat(data.resolve("clusters").resolve("demo").resolve("master.key")).exists();

        Result started = run(data, Map.of(), null, "cloudhsm_client", "--store", store, "start");
        try {
            assertThat(started.status).as(started.output).isZero();
            Result served = run(data, Map.of("HSM_CONSOLE_STORE", store), null, "key_mgmt_util", "singlecmd",
                    "loginHSM", "-u", "CU", "-s", "example_user", "-p", "example_pwd", "findKey", "-l", "made-by-kmu");
            assertThat(served.output).contains("Total number of keys present 1");
            Result local = run(data, Map.of(), null, "key_mgmt_util", "singlecmd", "loginHSM", "-u", "CU", "-s",
                    "example_user", "-p", "example_pwd", "findKey", "-l", "made-by-kmu");
            assertThat(local.output).as("without the store: the local SQLite cluster, by a JVM of its own")
                    .contains("Total number of keys present 0");
        } finally {
            run(data, Map.of(), null, "cloudhsm_client", "stop");
        }
        assertThat(Files.readString(data.resolve("service").resolve("log"))).as("the daemon served one call")
                .contains("stopped after 1 calls");
    }

    @Test
    void aMalformedStoreStopsEveryLauncherNamingTheOptionNotThePassword() throws Exception {
        String bad = "postgresql://team:s3cretpw@db.example:5432/";
        for (String tool : List.of("key_mgmt_util", "cloudhsm_mgmt_util", "cloudhsm-cli", "cloudhsm_client")) {
            Result r = run(temp.resolve("data"), Map.of(), "", tool, "--store", bad,
                    tool.equals("cloudhsm_client") ? "start" : "singlecmd");
            assertThat(r.status).as(tool + ": " + r.output).isEqualTo(2);
            assertThat(r.output).as(tool).contains("--store: the store URL is not valid (it names no database")
                    .doesNotContain("s3cretpw");
        }
    }

    /**
     * A server that is down at start: each command line says so in one line, naming the server (never
     * the password), and ends with status 1; the client daemon starts (it opens a cluster per call)
     * and a call it serves says the same line.
     */
    @Test
    void anUnreachableServerIsOneLineAndStatus1ForEveryLauncherAndThroughTheDaemon() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String down = "postgresql://team:s3cretpw@127.0.0.1:" + closedPort + "/hsm";
        String said = "error: cannot reach the cluster store on the PostgreSQL server postgresql://team@127.0.0.1:"
                + closedPort + "/hsm";
        Path data = temp.resolve("data");
        Map<String, String> cryptoUser = Map.of("CLOUDHSM_ROLE", "crypto-user", "CLOUDHSM_PIN", "example_user:example_pwd");
        List<Result> results = List.of(
                run(data, Map.of(), "", "key_mgmt_util", "--store", down, "singlecmd", "loginHSM", "-u", "CU", "-s",
                        "example_user", "-p", "example_pwd", "findKey"),
                run(data, Map.of(), "", "cloudhsm_mgmt_util", "--store", down, "singlecmd", "listUsers"),
                run(data, cryptoUser, "", "cloudhsm-cli", "--store", down, "key", "list"));
        List<String> tools = List.of("key_mgmt_util", "cloudhsm_mgmt_util", "cloudhsm-cli");
        for (int i = 0; i < tools.size(); i++) {
            assertOneLineError(results.get(i), tools.get(i) + ": " + said);
        }

        Result started = run(data, Map.of(), null, "cloudhsm_client", "--store", down, "start");
        try {
            assertThat(started.status).as(started.output).isZero();
            Result served = run(data, Map.of("HSM_CONSOLE_STORE", down), "", "key_mgmt_util", "singlecmd", "loginHSM",
                    "-u", "CU", "-s", "example_user", "-p", "example_pwd", "findKey");
            assertOneLineError(served, "key_mgmt_util: " + said);
        } finally {
            run(data, Map.of(), null, "cloudhsm_client", "stop");
        }
        assertThat(Files.readString(data.resolve("service").resolve("log"))).as("the daemon served the call")
                .contains("stopped after 1 calls").doesNotContain("s3cretpw");
    }

    private static void assertOneLineError(Result r, String start) {
        assertThat(r.status).as(r.output).isEqualTo(1);
        assertThat(r.output.strip().lines()).as(r.output).hasSize(1);
        assertThat(r.output).startsWith(start).doesNotContain("s3cretpw").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private Result run(Path data, Map<String, String> env, String stdin, String tool, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BIN.resolve(tool).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(temp.toFile()).redirectErrorStream(true);
        pb.environment().put("HSM_CONSOLE_DATA", data.toString());
        pb.environment().remove("HSM_CONSOLE_CLUSTER");
        pb.environment().remove("HSM_CONSOLE_STORE");
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("process ended").isTrue();
        return new Result(p.exitValue(), out);
    }

    private record Result(int status, String output) {
    }
}
