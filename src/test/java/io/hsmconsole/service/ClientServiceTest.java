package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client service in this JVM on a temporary data folder, spoken to over its socket exactly as
 * the launcher script does: same bytes and exit status as the tool run directly, refusals, files
 * relative to the client's folder, one session per request, requests at the same time.
 */
class ClientServiceTest {
    private static final List<String> LOGIN = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user",
            "-p", "example_pwd");
    private static final List<String> SEED_KEYGEN = List.of("genSymKey", "-l", "aes", "-t", "31", "-s", "32",
            "-min_srv", "1", "-timeout", "1");

    @TempDir
    Path temp;

    private final ShellLauncher kmu = new ShellLauncher(new SqliteBackend(), "key_mgmt_util", KmuShell::completions, KmuShell::tool);
    private Path client;
    private ClientService service;
    private ServiceClient launcher;

    @BeforeEach
    void startService() throws IOException {
        client = Files.createDirectories(temp.resolve("client folder"));
        service = served().idleTimeout(Duration.ofMinutes(5)).start().orElseThrow();
        launcher = new ServiceClient(service.endpoint());
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void aRequestAnswersTheBytesAndStatusOfTheSeedTranscriptAndOfADirectRun() throws Exception {
        ServiceClient.Reply served = kmu(login(SEED_KEYGEN));
        Direct direct = direct(new DataDirectory(temp.resolve("direct")), login(SEED_KEYGEN));

        assertThat(served.status()).isEqualTo("0");
        assertThat(served.errorLines()).isEmpty();
        assertThat(served.outputText()).isEqualTo(direct.output()).isEqualTo(firstSeedLoopRun());
        assertThat(direct.status()).isZero();
        assertThat(service.callsServed()).isEqualTo(1);
    }

    @Test
    void failuresKeepTheirStatusAndTheirStandardErrorLine() throws Exception {
        List<String> wrongPassword = List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p", "nope",
                "findKey");
        ServiceClient.Reply served = kmu(wrongPassword);
        Direct direct = direct(new DataDirectory(temp.resolve("direct")), wrongPassword);
        assertThat(served.status()).isEqualTo("1").isEqualTo(Integer.toString(direct.status()));
        assertThat(served.outputText()).isEqualTo(direct.output()).contains("Cfm3LoginHSM returned");

        ServiceClient.Reply unknownCluster = kmu(launcher, client.toString(), Map.of(StartupOptions.CLUSTER_VARIABLE, "nosuch",
                DataDirectory.ENV_VARIABLE, temp.resolve("served").toString()), login(List.of("findKey")));
        assertThat(unknownCluster.status()).isEqualTo("1");
        assertThat(unknownCluster.errorLines()).singleElement().asString()
                .startsWith("key_mgmt_util: error: ").contains("there is no cluster named 'nosuch'");
    }

    @Test
    void aWrongSecretIsRefusedAndRunsNothing() throws Exception {
        String wrong = "0".repeat(64);
        List<String> fields = new ArrayList<>(List.of("kmu", client.toString(), "", temp.resolve("served").toString(), "",
                OutputEnvironment.of(System.getenv()), "9"));
        fields.addAll(login(SEED_KEYGEN.subList(0, 1)));
        ServiceClient.Reply reply = launcher.sendWithSecret(wrong, fields);

        assertThat(reply.status()).isEqualTo("refused");
        assertThat(reply.output()).isEmpty();
        assertThat(launcher.sendWithSecret(wrong, List.of("stop")).status()).isEqualTo("refused");
        assertThat(service.callsServed()).isZero();
        assertThat(Files.exists(temp.resolve("served").resolve("clusters"))).as("no cluster was even opened").isFalse();
        assertThat(launcher.send(List.of("status")).status()).as("still running").isEqualTo("0");
    }

    @Test
    void aRequestNotCompleteWithinTheDeadlineIsDroppedAndRunsNothing() throws Exception {
        try (java.net.Socket slow = LoopbackPeers.ipv4Socket()) {
            slow.connect(new java.net.InetSocketAddress(LoopbackPeers.IPV4_LOOPBACK, service.endpoint().port()));
            java.io.InputStream in = slow.getInputStream();
            byte[] proof = (service.endpoint().proof() + "\n").getBytes(StandardCharsets.US_ASCII);
            assertThat(in.readNBytes(proof.length)).as("the service speaks first").isEqualTo(proof);
            slow.getOutputStream().write(service.endpoint().secret().getBytes(StandardCharsets.US_ASCII));
            // ... and never the rest: the service ends the connection once its deadline passed.
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(service.callsServed()).isZero();
        assertThat(launcher.send(List.of("status")).status()).as("still serving").isEqualTo("0");
    }

    @Test
    void aListenerThatDoesNotSendTheProofFirstIsSentNothing() throws Exception {
        try (java.net.ServerSocket impostor = LoopbackPeers.ipv4Server()) { // this account's, as the service's is
            Endpoint there = new Endpoint(impostor.getLocalPort(), service.endpoint().secret(), "", service.endpoint().proof(),
                    ServiceProcess.current()); // this process: it vouches for the port, so the proof is what is checked
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<byte[]> wrongProof = pool.submit(() -> {
                    try (java.net.Socket s = impostor.accept()) {
                        s.getOutputStream().write(("0".repeat(64) + "\n0\n0 lines\nforged\n").getBytes(StandardCharsets.US_ASCII));
                        s.setSoTimeout(10_000);
                        return received(s);
                    }
                });
                assertThatThrownBy(() -> kmu(new ServiceClient(there), login(SEED_KEYGEN)))
                        .isInstanceOf(ServiceClient.NotTheService.class);
                assertThat(wrongProof.get()).as("what the impostor received").isEmpty();

                Future<byte[]> silent = pool.submit(() -> {
                    try (java.net.Socket s = impostor.accept()) {
                        s.setSoTimeout(10_000);
                        return received(s);
                    }
                });
                assertThatThrownBy(() -> kmu(new ServiceClient(there), login(SEED_KEYGEN)))
                        .isInstanceOf(java.net.SocketTimeoutException.class);
                assertThat(silent.get()).as("what the silent listener received").isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** What a listener received until the client closed (a reset too: the client left the forged answer unread). */
    private static byte[] received(java.net.Socket s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(bytes);
        } catch (java.net.SocketException e) {
            // reset by the client: what came before is all it sent
        }
        return bytes.toByteArray();
    }

    @Test
    void theSecretFileIsOwnerOnlyAndNamesThePort() throws Exception {
        ServiceFiles files = new ServiceFiles(new DataDirectory(temp.resolve("served")));
        assertThat(files.readEndpoint()).contains(service.endpoint());
        assertThat(service.endpoint().secret()).matches("[0-9a-f]{64}");
        if (files.endpoint().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.endpoint()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.dir()))).isEqualTo("rwx------");
        }
    }

    @Test
    void relativeFileNamesAreTheClientsFolder() throws Exception {
        String wrapper = handle(kmu(login(List.of("genSymKey", "-t", "31", "-s", "32",
                "-l", "wrapper"))).outputText());
        Files.write(client.resolve("data.txt"), "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

        ServiceClient.Reply wrap = kmu(login(List.of("aesWrapUnwrap", "-m", "1",
                "-f", "data.txt", "-w", wrapper, "-out", "data.wrapped")));
        Direct direct = direct(new DataDirectory(temp.resolve("served")), login(List.of("aesWrapUnwrap", "-m", "1",
                "-f", "data.txt", "-w", wrapper, "-out", "direct.wrapped")));

        assertThat(wrap.status()).as(wrap.outputText()).isEqualTo("0");
        assertThat(client.resolve("data.wrapped")).exists();
        assertThat(Files.readAllBytes(client.resolve("data.wrapped"))).as("32 bytes, PKCS #5 padded to 40, wrapped").hasSize(48)
                .isEqualTo(Files.readAllBytes(client.resolve("direct.wrapped")));
    }

    @Test
    void aSessionKeyEndsWithItsRequest() throws Exception {
        ServiceClient.Reply made = kmu(login(List.of("genSymKey", "-t", "31", "-s", "16",
                "-l", "ephemeral", "-sess")));
        assertThat(made.status()).isEqualTo("0");
        handle(made.outputText());

        ServiceClient.Reply find = kmu(login(List.of("findKey", "-l", "ephemeral")));
        assertThat(find.status()).isEqualTo("0");
        assertThat(find.outputText()).contains("Total number of keys present 0");
    }

    @Test
    void requestsAtTheSameTimeEachGetTheirOwnAnswer() throws Exception {
        int clients = 6;
        kmu(login(List.of("listUsers"))); // the demo cluster exists before the rush
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<ServiceClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                List<String> keygen = login(List.of("genSymKey", "-t", "31", "-s", "32", "-l", "parallel" + i));
                replies.add(pool.submit(() -> kmu(keygen)));
            }
            List<String> handles = new ArrayList<>();
            for (Future<ServiceClient.Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().outputText()).isEqualTo("0");
                handles.add(handle(reply.get().outputText()));
            }
            assertThat(handles).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < clients; i++) {
            assertThat(kmu(login(List.of("findKey", "-l", "parallel" + i))).outputText())
                    .contains("Total number of keys present 1");
        }
        assertThat(service.callsServed()).isEqualTo(1 + 2L * clients);
    }

    @Test
    void onlySingleCommandsOfThisDataFolderAreServed() throws Exception {
        assertThat(kmu(List.of()).status()).as("interactive").isEqualTo("fallback");
        assertThat(kmu(List.of("scriptfile", "x")).status()).isEqualTo("fallback");
        assertThat(kmu(List.of("--data-dir", temp.resolve("other").toString(),
                "singlecmd", "listUsers")).status()).isEqualTo("fallback");
        assertThat(kmu(List.of("--data-dir", "../served", "singlecmd", "listUsers"))
                .status()).as("relative to the client's folder").isEqualTo("0");
        assertThat(kmu(launcher, "relative/folder", servedEnv(), List.of("singlecmd", "listUsers")).status()).isEqualTo("fallback");
    }

    /**
     * The data folder a request uses is the one its launcher's JVM would use (DataDirectory's rule on the
     * launcher's values), not whichever service the script happened to find: e.g. a shell whose HOME is
     * not the account's home finds a service under that HOME, where a JVM would use the account's folder.
     */
    @Test
    void aLauncherWhoseEnvironmentNamesAnotherDataFolderIsNotServed() throws Exception {
        List<String> listUsers = List.of("singlecmd", "listUsers");
        assertThat(kmu(launcher, client.toString(), Map.of(), listUsers).status())
                .as("no HSM_CONSOLE_DATA: the account's own folder").isEqualTo("fallback");
        assertThat(kmu(launcher, client.toString(), Map.of(DataDirectory.ENV_VARIABLE, "  "), listUsers).status())
                .as("a blank HSM_CONSOLE_DATA counts as unset").isEqualTo("fallback");
        assertThat(kmu(launcher, client.toString(), Map.of(DataDirectory.ENV_VARIABLE, temp.resolve("other").toString()),
                listUsers).status()).isEqualTo("fallback");
        assertThat(kmu(launcher, client.toString(), Map.of(DataDirectory.XDG_DATA_HOME, temp.toString()), listUsers)
                .status()).as("XDG_DATA_HOME/hsm-key-console").isEqualTo("fallback");
        assertThat(service.callsServed()).isZero();

        assertThat(kmu(launcher, client.toString(), Map.of(DataDirectory.ENV_VARIABLE, "../served"), listUsers).status())
                .as("relative to the client's folder").isEqualTo("0");
        List<String> overridden = List.of("--data-dir", temp.resolve("served").toString(), "singlecmd", "listUsers");
        assertThat(kmu(launcher, client.toString(), Map.of(DataDirectory.ENV_VARIABLE, temp.resolve("other").toString()),
                overridden).status()).as("--data-dir first").isEqualTo("0");
    }

    @Test
    void aCallerWithAnotherLocaleOrTimeZoneIsNotServed() throws Exception {
        List<String> fields = List.of("kmu", client.toString(), "", temp.resolve("served").toString(), "",
                "C|C|C|Antarctica/Troll-not-ours", "2",
                "singlecmd", "listUsers");
        assertThat(launcher.send(fields).status()).isEqualTo("fallback");
        assertThat(service.callsServed()).isZero();
    }

    @Test
    void stopRemovesTheEndpointAndAStartReplacesAKilledServicesFiles() throws Exception {
        ServiceFiles files = new ServiceFiles(new DataDirectory(temp.resolve("served")));
        assertThat(served().idleTimeout(Duration.ofMinutes(5)).start()).as("a second service of the same folder").isEmpty();
        assertThat(launcher.send(List.of("stop")).status()).isEqualTo("0");
        service.awaitStop();
        assertThat(files.endpoint()).doesNotExist();
        assertThat(files.pid()).doesNotExist();

        Files.writeString(files.endpoint(), service.endpoint().port() + "\nstale\n\n"); // as a killed service leaves it
        service = served().idleTimeout(Duration.ofMinutes(5)).start().orElseThrow();
        assertThat(files.readEndpoint()).contains(service.endpoint());
    }

    @Test
    void theWarmUpLeavesTheServedFolderAsItWas() throws Exception {
        DataDirectory fresh = new DataDirectory(temp.resolve("fresh"));
        WarmUp.run(kmu, fresh);
        assertThat(fresh.clustersRoot()).as("no cluster made in the served folder").doesNotExist();
        try (var left = Files.list(new ServiceFiles(fresh).dir())) {
            assertThat(left).as("the scratch cluster is removed").isEmpty();
        }
    }

    @Test
    void theIdleTimeoutEndsTheService() throws Exception {
        service.close();
        service = served().idleTimeout(Duration.ofMillis(200)).start().orElseThrow();
        service.awaitStop(); // returns only once the idle watch closed it
        assertThat(new ServiceFiles(new DataDirectory(temp.resolve("served"))).endpoint()).doesNotExist();
    }

    /** A way in with a connection open (an application holding PKCS#11 sessions) keeps the service running. */
    @Test
    void anOpenConnectionOnAWayInKeepsItRunningAndItClosesWithTheService() throws Exception {
        service.close();
        FakeWayIn way = new FakeWayIn();
        way.connections.set(1);
        service = served().idleTimeout(Duration.ofMillis(200)).wayIn(way).start().orElseThrow();
        assertThat(way.opened).as("opened before the service is published").isTrue();
        // The idle watch checks every 50 ms: ten checks are well past the 200 ms timeout.
        while (way.asked.get() < 10) {
            assertThat(way.closed).as("stopped while a connection was open").isFalse();
            Thread.sleep(20);
        }
        ServiceControl.Status status = ServiceControl.Status.parse(
                new ServiceClient(service.endpoint()).send(List.of("status")).outputText()).orElseThrow();
        assertThat(status.ways()).containsExactly(new ServiceControl.Way("fake", 1, java.util.Optional.of("unix:path=/x y"), ""));
        assertThat(way.closed).as("still running with a connection open").isFalse();

        way.connections.set(0);
        way.last.set(System.nanoTime());
        service.awaitStop(); // the idle timeout now runs from the connection's end
        assertThat(way.closed).isTrue();
    }

    private static final class FakeWayIn implements WayIn {
        final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
        volatile boolean opened;
        volatile boolean closed;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void open() {
            opened = true;
        }

        @Override
        public java.util.Optional<String> address() {
            return java.util.Optional.of("unix:path=/x y");
        }

        @Override
        public String problem() {
            return "";
        }

        @Override
        public int openConnections() {
            asked.incrementAndGet();
            return connections.get();
        }

        @Override
        public long lastActivityNanos() {
            return last.get();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aBuildNewerThanTheServiceStopsIt() throws Exception {
        service.close();
        Path jar = Files.writeString(temp.resolve("app.jar"), "build 1");
        service = served().idleTimeout(Duration.ofMinutes(5)).build(Instant.now(), List.of(jar)).start().orElseThrow();
        launcher = new ServiceClient(service.endpoint());
        assertThat(kmu(List.of("singlecmd", "listUsers")).status()).isEqualTo("0");

        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(1)));
        assertThat(kmu(List.of("singlecmd", "listUsers")).status()).isEqualTo("fallback");
        service.awaitStop();
    }

    @Test
    void theAcceptingThreadEndsWhenTheServiceCloses() throws Exception {
        java.util.Set<Thread> before = acceptors();
        ClientService second = ClientService.serving(new DataDirectory(temp.resolve("second"))).tool("kmu", kmu)
                .idleTimeout(Duration.ofMinutes(5)).start().orElseThrow();
        java.util.Set<Thread> started = acceptors();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        second.close();
        Thread acceptor = started.iterator().next();
        acceptor.join(Duration.ofSeconds(10).toMillis());
        // A closed listener answers every accept at once with an exception: a thread left looping spins a core.
        assertThat(acceptor.isAlive()).as("the acceptor of a closed service still runs").isFalse();
    }

    private static java.util.Set<Thread> acceptors() {
        java.util.Set<Thread> found = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("cloudhsm_client-accept") && t.isAlive()).forEach(found::add);
        return found;
    }

    private ClientService.Builder served() {
        return ClientService.serving(new DataDirectory(temp.resolve("served"))).tool("kmu", kmu);
    }

    /** The launcher's environment of a shell whose HSM_CONSOLE_DATA names the served folder. */
    private Map<String, String> servedEnv() {
        return Map.of(DataDirectory.ENV_VARIABLE, temp.resolve("served").toString());
    }

    private ServiceClient.Reply kmu(List<String> args) throws IOException {
        return kmu(launcher, args);
    }

    private ServiceClient.Reply kmu(ServiceClient to, List<String> args) throws IOException {
        return kmu(to, client.toString(), servedEnv(), args);
    }

    private static ServiceClient.Reply kmu(ServiceClient to, String workDir, Map<String, String> env, List<String> args)
            throws IOException {
        return to.tool("kmu", workDir, env, args);
    }

    private static List<String> login(List<String> command) {
        List<String> args = new ArrayList<>(LOGIN);
        args.addAll(command);
        return args;
    }

    private static String handle(String output) {
        Matcher m = Pattern.compile("Key Handle: (\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    /** The tool run in this JVM the way {@code KmuMain} runs it, standard input at its end. */
    private Direct direct(DataDirectory data, List<String> args) throws StartupOptions.UsageException {
        Charset charset = Charset.defaultCharset();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(output, charset), false);
        int status = kmu.runTool(new ClusterCatalog(new SqliteBackend(), data, HsmClock.SYSTEM), StartupOptions.parse(args, Map.of()),
                new PlainConsole(new BufferedReader(Reader.nullReader()), out), client,
                new PrintStream(new ByteArrayOutputStream(), true, charset));
        return new Direct(status, output.toString(charset));
    }

    private record Direct(int status, String output) {
    }

    /** The first run's expected output in the seed loop's golden transcript. */
    private static String firstSeedLoopRun() throws IOException, URISyntaxException {
        Path transcript = Path.of(ClientServiceTest.class.getResource("/transcripts/seed/04-seed-loop.txt").toURI());
        String text = Files.readString(transcript, StandardCharsets.UTF_8);
        int start = text.indexOf("@@ stdout\n") + "@@ stdout\n".length();
        return text.substring(start, text.indexOf("@@ exit", start));
    }
}
