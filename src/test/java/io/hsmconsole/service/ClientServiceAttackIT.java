package io.hsmconsole.service;

import io.hsmconsole.security.SecondLocalUser;
import io.hsmconsole.store.DataDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client service attacked as issue 13 did, through the launchers a user runs (after
 * {@code package}, failsafe), by a second local account ({@link SecondLocalUser}) where the attack is
 * another user's: a listener on the port of a killed service, slow connections that held every
 * worker, and a service killed between committing a command and answering it.
 */
class ClientServiceAttackIT {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path temp;

    @BeforeAll
    static void theAttackerExists() {
        SecondLocalUser.require();
    }

    private Path data() {
        return temp.resolve("data");
    }

    private ServiceFiles files() {
        return new ServiceFiles(new DataDirectory(data()));
    }

    private Launchers launchers() {
        return new Launchers(temp, data());
    }

    @AfterEach
    void stopTheService() throws Exception {
        launchers().run("cloudhsm_client", List.of("stop"), false);
    }

    /** Issue 13, case 1 (port squatting). */
    @Test
    void aListenerOfAnotherAccountOnAKilledServicesPortIsSentNothingAndNotBelieved() throws Exception {
        start();
        Endpoint endpoint = files().readEndpoint().orElseThrow();
        ProcessHandle service = ProcessHandle.of(files().readPid().orElseThrow()).orElseThrow();
        service.destroyForcibly();
        service.onExit().get(30, TimeUnit.SECONDS);

        Path shared = SecondLocalUser.sharedStickyFolder("squatter");
        Process squatter = attacker("PortSquatter", shared, Integer.toString(endpoint.port()), shared.toString());
        awaitFile(shared.resolve("listening"), squatter, shared);

        Launchers.Result victim = launchers().run("key_mgmt_util", Launchers.login("genSymKey", "-l", "squatted",
                "-t", "31", "-s", "32"), true);
        assertThatThrownBy(() -> new ServiceClient(endpoint).send(List.of("status")))
                .as("cloudhsm_client status|stop sends nothing either").isInstanceOf(ServiceClient.NotTheService.class);
        String received = stop(squatter, shared, "received");

        assertThat(victim.status()).as(victim.stderr()).isZero();
        assertThat(victim.stdout()).as("the JVM made the key").containsPattern("Key Handle: \\d+")
                .doesNotContain("999999");
        assertThat(received.lines()).as("both clients reached the squatter").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).as("nothing was sent to it").isEqualTo("connection: 0 bytes: "));
        assertThat(received).doesNotContain(endpoint.secret(), "example_pwd", "example_user");
    }

    /**
     * What the clients' trust in a running service's port rests on (docs/security.md, "Client service"):
     * while the service's process runs, no socket of another account can listen where a connection to
     * 127.0.0.1 on its port would reach it, whatever address and socket options it tries.
     */
    @Test
    void anotherAccountCannotListenOnARunningServicesPortInAnyWay() throws Exception {
        start();
        Endpoint endpoint = files().readEndpoint().orElseThrow();
        Path shared = SecondLocalUser.sharedStickyFolder("taker");
        Process taker = attacker("PortTaker", List.of(), shared, Integer.toString(endpoint.port()), shared.toString());
        awaitFile(shared.resolve("binds"), taker, shared);
        assertThat(taker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long before = callsServed();
        Launchers.Result call = launchers().run("key_mgmt_util", Launchers.login("listUsers"), true);

        assertThat(Files.readAllLines(shared.resolve("binds"))).as("every way tried").hasSize(16)
                .allSatisfy(line -> assertThat(line).contains(" refused ("));
        assertThat(call.status()).as(call.stderr()).isZero();
        assertThat(callsServed()).as("the service still serves its port").isEqualTo(before + 1);
    }

    /**
     * The launcher's check of the endpoint's process on its own, as if the proof had leaked: a squatter
     * of another account on a killed service's port sends the right proof first. The launcher sends it
     * nothing and runs the call in its JVM when the endpoint names a process that ended (the killed
     * service), a running process of another account (as when the service's pid is given to a process
     * of the squatter's), or a running process of ours that started at another time than the endpoint
     * says (as when a later process of ours got the pid).
     */
    @Test
    void aSquatterWithTheProofIsSentNothingUnlessTheEndpointsProcessRuns() throws Exception {
        start();
        Endpoint endpoint = files().readEndpoint().orElseThrow();
        ProcessHandle service = ProcessHandle.of(endpoint.process().pid()).orElseThrow();
        service.destroyForcibly();
        service.onExit().get(30, TimeUnit.SECONDS);
        Path shared = SecondLocalUser.sharedStickyFolder("knows-proof");
        Process squatter = attacker("PortSquatter", shared, Integer.toString(endpoint.port()), shared.toString(),
                endpoint.proof());
        awaitFile(shared.resolve("listening"), squatter, shared);
        List<String> theirs = Files.readAllLines(shared.resolve("process"));
        ServiceProcess self = ServiceProcess.current();

        java.util.Map<String, ServiceProcess> named = new java.util.LinkedHashMap<>();
        named.put("the killed service", endpoint.process());
        named.put("the squatter's own process", new ServiceProcess(Long.parseLong(theirs.get(0)), theirs.get(1)));
        named.put("a process of ours started at another time", new ServiceProcess(self.pid(),
                Long.toString(Long.parseLong(self.startTicks()) - 1)));
        int run = 0;
        for (var entry : named.entrySet()) {
            Endpoint forged = new Endpoint(endpoint.port(), endpoint.secret(), endpoint.projectRoot(), endpoint.proof(),
                    entry.getValue());
            rewrite(forged);
            Launchers.Result victim = launchers().run("key_mgmt_util", Launchers.login("genSymKey", "-l", "leak" + run++,
                    "-t", "31", "-s", "32"), true);
            assertThat(victim.status()).as("%s: %s", entry.getKey(), victim.stderr()).isZero();
            assertThat(victim.stdout()).as("%s: the JVM made the key", entry.getKey()).containsPattern("Key Handle: \\d+")
                    .doesNotContain("999999");
            assertThatThrownBy(() -> new ServiceClient(forged).send(List.of("status"))).as(entry.getKey())
                    .isInstanceOf(ServiceClient.NotTheService.class);
        }
        String received = stop(squatter, shared, "received");

        assertThat(received.lines()).as("every client (the launcher, then Java's) reached the squatter").hasSize(2 * named.size())
                .allSatisfy(line -> assertThat(line).as("nothing was sent to it").isEqualTo("connection: 0 bytes: "));
        assertThat(received).doesNotContain(endpoint.secret(), "example_pwd", "example_user");
    }

    /** The endpoint file as a service would have written it (owner-only, whole). */
    private void rewrite(Endpoint endpoint) throws IOException {
        Path file = files().endpoint();
        Files.writeString(file, endpoint.port() + "\n" + endpoint.secret() + "\n" + endpoint.projectRoot() + "\n"
                + endpoint.proof() + "\n" + endpoint.process().pid() + "\n" + endpoint.process().startTicks() + "\n");
        assertThat(files().readEndpoint()).contains(endpoint);
    }

    /** Issue 13, case 3 (slow connections), and the service's log (issue 14). */
    @Test
    void anotherAccountsConnectionsAreClosedAtOnceAndTheOwnersCallsAreServed() throws Exception {
        start();
        Endpoint endpoint = files().readEndpoint().orElseThrow();
        Path shared = SecondLocalUser.sharedStickyFolder("slow");
        Process slow = attacker("SlowClient", shared, Integer.toString(endpoint.port()), "8", shared.toString());
        awaitFile(shared.resolve("opened"), slow, shared);

        long before = callsServed();
        Launchers.Result call = launchers().run("key_mgmt_util", Launchers.login("listUsers"), true);
        long after = callsServed();
        String ended = stop(slow, shared, "ended");

        assertThat(call.status()).as(call.stderr()).isZero();
        assertThat(after).as("the owner's call went through the service").isEqualTo(before + 1);
        assertThat(ended.lines()).as("each of the other account's connections was closed before the service sent a byte")
                .hasSize(8).allSatisfy(line -> assertThat(line).isEqualTo("closed after 0 bytes from the service"));
        Path log = files().log();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(Files.readString(log)).contains("refused a connection from 127.0.0.1:");
    }

    /** Issue 13, case 7 (a command run twice). */
    @Test
    void aCommandTheServiceAcceptedIsNotRunAgainWhenTheServiceDiesBeforeAnswering() throws Exception {
        Path ran = temp.resolve("ran");
        Process service = new ProcessBuilder(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                DiesAfterRunning.class.getName(), data().toString(), Launchers.BIN.getParent().toRealPath().toString(),
                ran.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("service.log").toFile()).start();
        try {
            awaitFile(files().endpoint(), service, temp);
            Launchers.Running client = launchers().start("key_mgmt_util", Launchers.login("genSymKey", "-l", "once",
                    "-t", "31", "-s", "32"), true);
            awaitFile(ran, service, temp);
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Launchers.Result killed = client.result();

            Launchers.Result find = launchers().run("key_mgmt_util", Launchers.login("findKey", "-l", "once"), false);
            assertThat(Files.readString(ran)).as("the service ran it").startsWith("SUCCESS");
            assertThat(find.stdout()).as("not run a second time").contains("Total number of keys present 1");
            assertThat(killed.status()).as(killed.stdout()).isEqualTo(1);
            assertThat(killed.stderr()).contains("the client service stopped while it ran this command",
                    "have taken effect");
        } finally {
            service.destroyForcibly();
        }
    }

    private void start() throws Exception {
        Launchers.Result start = launchers().run("cloudhsm_client", List.of("start", "--idle-minutes", "5"), true);
        assertThat(start.status()).as(start.stderr()).isZero();
    }

    private long callsServed() throws Exception {
        Launchers.Result status = launchers().run("cloudhsm_client", List.of("status"), true);
        assertThat(status.status()).as(status.stdout()).isZero();
        return Long.parseLong(status.stdout().replaceAll("(?s).*calls served +(\\d+).*", "$1"));
    }

    /** Runs {@code attacks/NAME.java} (a test resource) as the second local user, with IPv4 sockets only. */
    private static Process attacker(String name, Path shared, String... args) throws IOException {
        // IPv4 sockets, as the service's: their rows are where the service looks, with the attacker's uid.
        return attacker(name, List.of("-Djava.net.preferIPv4Stack=true"), shared, args);
    }

    private static Process attacker(String name, List<String> javaOptions, Path shared, String... args) throws IOException {
        Path source = shared.resolve(name + ".java");
        try (InputStream in = ClientServiceAttackIT.class.getResourceAsStream("/attacks/" + name + ".java")) {
            Files.write(source, in.readAllBytes());
        }
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> command = new java.util.ArrayList<>(List.of(JAVA.toString(), "-XX:-UsePerfData"));
        command.addAll(javaOptions);
        command.add(source.toString());
        command.addAll(List.of(args));
        return SecondLocalUser.startAs(command, shared.resolve(name + ".out"));
    }

    private static void awaitFile(Path file, Process process, Path logs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(file)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not appear; " + describe(logs));
            }
            Thread.sleep(50);
        }
    }

    /** Tells the attacker to stop, waits for it, returns its report file. */
    private static String stop(Process attacker, Path shared, String report) throws Exception {
        Files.writeString(shared.resolve("stop"), "");
        assertThat(attacker.waitFor(60, TimeUnit.SECONDS)).as("the attacker stopped; " + describe(shared)).isTrue();
        return Files.readString(shared.resolve(report), StandardCharsets.ISO_8859_1);
    }

    private static String describe(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".out") || p.toString().endsWith(".log")).toList()) {
                text.append(f.getFileName()).append(": ").append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
