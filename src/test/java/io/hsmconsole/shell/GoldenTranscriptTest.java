package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.shell.cli.CliShell;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Replays every golden transcript under {@code src/test/resources/transcripts/} on a fresh demo
 * cluster (in a temporary data directory, on a {@link ManualClock}) and compares the output byte
 * for byte.
 *
 * <h2>Transcript format</h2>
 * A transcript is a list of steps. A line starting with {@code @@ } starts a step; the lines after
 * it, up to the next {@code @@ } line, are its block. Lines before the first step that are blank or
 * start with {@code #} are comments. The first line says where the expected output comes from
 * ({@link TranscriptSource}): {@code # aws: key_mgmt_util-genSymKey.md} for a transcript that replays
 * an AWS page's examples (the page's command must run in it), {@code # ours: why} for our own
 * snapshot. Steps:
 * <ul>
 *   <li>{@code @@ cluster nodes=3 latency=100 hsm=hsm2m.medium offline=2 capacity=50} — the cluster,
 *       made before anything runs (all keys optional; defaults: 3 nodes, latency 0, hsm2m.medium, all
 *       online, AWS capacity). {@code latency} is one value for every node or one per node
 *       ({@code latency=0,100,250}, milliseconds); {@code offline} lists node ids taken offline.
 *       Without this step the default cluster is used.</li>
 *   <li>{@code @@ run key_mgmt_util ARGS} / {@code @@ run cloudhsm_mgmt_util ARGS} — starts the tool
 *       as a new process would (a new session on the same data directory) with the arguments after
 *       the tool name, split on whitespace like a shell would; a leading {@code --cluster NAME}
 *       chooses the cluster, as with the launchers.</li>
 *   <li>{@code @@ run cloudhsm-cli ARGS} — the CloudHSM CLI the same way; {@code @@ env NAME=VALUE}
 *       sets a variable of the environment the following runs see ({@code CLOUDHSM_ROLE},
 *       {@code CLOUDHSM_PIN}), {@code @@ env NAME=} removes it. Its usage errors (standard error) are
 *       not part of {@code @@ stdout}.</li>
 *   <li>{@code @@ stdin} — its block is the run's standard input, line by line (not a terminal).</li>
 *   <li>{@code @@ stdout} — its block is the exact expected output of the run; every line ends with
 *       a newline. Tabs and spaces matter.</li>
 *   <li>{@code @@ exit N} — the expected exit status of the run.</li>
 *   <li>{@code @@ file NAME} — its block is the exact expected content of a file the run wrote in
 *       its working folder; {@code <missing>} when the run must not have written it.</li>
 *   <li>{@code @@ write NAME} — writes its block into a file of the working folder (a script for
 *       {@code scriptfile}).</li>
 *   <li>{@code @@ write-base64 NAME} — its block is Base64 (lines joined); writes the decoded bytes (a
 *       binary input such as a signature made outside the simulator).</li>
 *   <li>{@code @@ sign-token FILE KEY [USERNAME]} — a quorum approver signs the CloudHSM CLI token
 *       file FILE with the RSA private key (PKCS #8 PEM) in KEY, as the quorum pages do with OpenSSL
 *       ({@link TokenSigner}).</li>
 *   <li>{@code @@ advance MILLIS} — moves the clock forward (replication catches up).</li>
 *   <li>{@code @@ node ID offline|online} / {@code @@ node ID latency MILLIS} / {@code @@ node ID
 *       tamper|restore} (its firmware) — changes a node between runs, as the desktop console's
 *       simulation menu does.</li>
 *   <li>{@code @@ pkcs11-login NAME PASSWORD} / {@code @@ pkcs11-logout NAME} — an application logs
 *       the crypto user in through the PKCS#11 endpoint (the client daemon's, in the same process as
 *       the runs) and stays logged in until the logout ({@link HeldLogins}).</li>
 *   <li>{@code @@ sql STATEMENT} — runs one SQL statement on the demo cluster's store file, as
 *       someone editing the file behind the simulator's back would (audit-chain transcripts).</li>
 * </ul>
 * The only placeholders allowed in expected text are key handles ({@code {H}}, {@code {H:name}}),
 * CloudHSM CLI key references ({@code {KREF}}, {@code {KREF:name}}), key check values ({@code {KCV}},
 * {@code {KCV:name}}) and key values in hex ({@code {HEX}}, {@code {HEX:name}}, e.g. a modulus); a named one binds at its first match,
 * must match the same value later and may be used in later {@code run} arguments and stdin lines.
 * When a transcript fails, the actual transcript is written to
 * {@code target/transcripts-actual/} for comparison.
 */
class GoldenTranscriptTest {
    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenTranscriptTest.class.getResource("/transcripts").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("transcripts found").isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f) + " (" + source(f) + ")",
                () -> replay(root, f)));
    }

    private static String source(Path file) {
        String first;
        try {
            first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return first.startsWith("# aws:") ? "aws" : first.startsWith("# ours:") ? "ours" : "source not named";
    }

    private void replay(Path root, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Transcript transcript = Transcript.parse(text);
        TranscriptSource.of(text).checkRunBy(transcript);
        Path dir = Files.createTempDirectory(temp, "t");
        Path work = Files.createDirectories(dir.resolve("work"));
        ManualClock clock = new ManualClock(START);
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(dir.resolve("data")), clock);
        Placeholders placeholders = new Placeholders();
        StringBuilder actualTranscript = new StringBuilder();
        List<String> failures = new ArrayList<>();
        boolean created = false;
        Run run = null;
        Map<String, String> env = new java.util.HashMap<>();
        try (HeldLogins applications = new HeldLogins()) {
            for (Transcript.Step step : transcript.steps()) {
                if (!step.directive().equals("cluster") && !created) {
                    createCluster(catalog, "");
                    created = true;
                }
                switch (step.directive()) {
                    case "cluster" -> {
                        createCluster(catalog, step.argument());
                        created = true;
                        echo(actualTranscript, step);
                    }
                    case "env" -> {
                        String[] kv = step.argument().split("=", 2);
                        if (kv[1].isEmpty()) {
                            env.remove(kv[0]);
                        } else {
                            env.put(kv[0], kv[1]);
                        }
                        echo(actualTranscript, step);
                    }
                    case "run" -> {
                        run = new Run(step.argument(), Map.copyOf(env));
                        echo(actualTranscript, step);
                    }
                    case "stdin" -> {
                        run.stdin = placeholders.substitute(step.text());
                        echo(actualTranscript, step);
                    }
                    case "stdout" -> {
                        run.execute(catalog, clock, work, placeholders);
                        actualTranscript.append("@@ stdout\n").append(run.output);
                        if (!placeholders.matches(step.text(), run.output)) {
                            failures.add("output of `" + run.command + "` differs:\n--- expected\n" + step.text()
                                    + "--- actual\n" + run.output);
                        }
                    }
                    case "exit" -> {
                        actualTranscript.append("@@ exit ").append(run.status.code()).append('\n');
                        if (Integer.parseInt(step.argument()) != run.status.code()) {
                            failures.add("exit status of `" + run.command + "`: expected " + step.argument()
                                    + ", was " + run.status.code());
                        }
                    }
                    case "file" -> {
                        Path written = work.resolve(step.argument());
                        String content = Files.exists(written) ? Files.readString(written, StandardCharsets.UTF_8) : "<missing>\n";
                        actualTranscript.append("@@ file ").append(step.argument()).append('\n').append(content);
                        if (!placeholders.matches(step.text(), content)) {
                            failures.add("file " + step.argument() + " differs:\n--- expected\n" + step.text()
                                    + "--- actual\n" + content);
                        }
                    }
                    case "write" -> {
                        Files.writeString(work.resolve(step.argument()), placeholders.substitute(step.text()));
                        echo(actualTranscript, step);
                    }
                    case "sign-token" -> {
                        String[] a = step.argument().split("\\s+");
                        try {
                            TokenSigner.sign(work.resolve(a[0]), work.resolve(a[1]), a.length > 2 ? a[2] : "");
                        } catch (java.security.GeneralSecurityException e) {
                            fail("@@ sign-token " + step.argument() + ": " + e);
                        }
                        echo(actualTranscript, step);
                    }
                    case "write-base64" -> {
                        Files.write(work.resolve(step.argument()), Base64.getMimeDecoder().decode(step.text()));
                        echo(actualTranscript, step);
                    }
                    case "advance" -> {
                        clock.advance(Long.parseLong(step.argument()));
                        echo(actualTranscript, step);
                    }
                    case "node" -> {
                        changeNode(catalog, step.argument());
                        echo(actualTranscript, step);
                    }
                    case "sql" -> {
                        runSql(catalog, step.argument());
                        echo(actualTranscript, step);
                    }
                    case "pkcs11-login" -> {
                        applications.login(catalog, step.argument());
                        echo(actualTranscript, step);
                    }
                    case "pkcs11-logout" -> {
                        applications.logout(step.argument());
                        echo(actualTranscript, step);
                    }
                    default -> fail("unknown directive @@ " + step.directive() + " in " + file);
                }
            }
        }
        if (!failures.isEmpty()) {
            Path actual = Path.of("target", "transcripts-actual").resolve(root.relativize(file).toString());
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, actualTranscript.toString(), StandardCharsets.UTF_8);
            fail(String.join("\n\n", failures) + "\n(actual transcript written to " + actual + ")");
        }
    }

    private static void echo(StringBuilder actual, Transcript.Step step) {
        actual.append("@@ ").append(step.directive());
        if (!step.argument().isEmpty()) {
            actual.append(' ').append(step.argument());
        }
        actual.append('\n').append(step.text());
    }

    private static void createCluster(ClusterCatalog catalog, String argument) {
        int nodes = ClusterOptions.DEFAULT_NODES;
        String latency = "0";
        HsmType type = HsmType.HSM2M_MEDIUM;
        String offline = "";
        Integer capacity = null;
        for (String pair : Tokens.split(argument)) {
            String[] kv = pair.split("=", 2);
            switch (kv[0]) {
                case "nodes" -> nodes = Integer.parseInt(kv[1]);
                case "latency" -> latency = kv[1];
                case "hsm" -> type = HsmType.fromAwsName(kv[1]).orElseThrow();
                case "offline" -> offline = kv[1];
                case "capacity" -> capacity = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown cluster setting " + kv[0]);
            }
        }
        List<Long> latencies = new ArrayList<>();
        String[] given = latency.split(",");
        for (int i = 0; i < nodes; i++) {
            latencies.add(Long.parseLong(given.length == 1 ? given[0] : given[i]));
        }
        try (HsmCluster cluster = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER,
                new ClusterOptions(type, latencies, capacity))) {
            for (String id : offline.isEmpty() ? new String[0] : offline.split(",")) {
                assertThat(cluster.setNodeOnline(Integer.parseInt(id), false).isSuccess()).isTrue();
            }
        }
    }

    private static void changeNode(ClusterCatalog catalog, String argument) {
        List<String> words = Tokens.split(argument);
        int id = Integer.parseInt(words.get(0));
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            boolean ok = switch (words.get(1)) {
                case "offline" -> cluster.setNodeOnline(id, false).isSuccess();
                case "online" -> cluster.setNodeOnline(id, true).isSuccess();
                case "latency" -> cluster.setNodeLatency(id, Long.parseLong(words.get(2))).isSuccess();
                case "tamper" -> cluster.tamperFirmware(id).isSuccess();
                case "restore" -> cluster.restoreFirmware(id).isSuccess();
                default -> throw new IllegalArgumentException("unknown node change " + argument);
            };
            assertThat(ok).as("node change " + argument).isTrue();
        }
    }

    private static void runSql(ClusterCatalog catalog, String statement) throws IOException {
        Path db = catalog.dataDirectory().clusterDir(ClusterCatalog.DEMO_CLUSTER).resolve("cluster.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (java.sql.SQLException e) {
            throw new IOException("@@ sql " + statement + ": " + e.getMessage(), e);
        }
    }

    /** One run of a tool, as a separate process would be: its own cluster handle, its own session. */
    private static final class Run {
        final String command;
        final Map<String, String> env;
        String stdin = "";
        String output;
        ExitStatus status;

        Run(String command, Map<String, String> env) {
            this.command = command;
            this.env = env;
        }

        private ShellLauncher.Tool tool(String name) {
            return switch (name) {
                case "key_mgmt_util" -> KmuShell::tool;
                case "cloudhsm_mgmt_util" -> CmuShell::tool;
                case TranscriptSource.CLI_TOOL -> CliShell.tool(env, new PrintWriter(new StringWriter()));
                default -> null;
            };
        }

        void execute(ClusterCatalog catalog, ManualClock clock, Path work, Placeholders placeholders) {
            List<String> words = Tokens.split(placeholders.substitute(command));
            ShellLauncher.Tool tool = tool(words.get(0));
            assertThat(tool).as("tool " + words.get(0)).isNotNull();
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            Console console = new PlainConsole(new BufferedReader(new StringReader(stdin)), out);
            StartupOptions options;
            try {
                options = StartupOptions.parse(words.subList(1, words.size()), Map.of());
            } catch (StartupOptions.UsageException e) {
                throw new AssertionError(e);
            }
            status = tool.run(new ToolContext(catalog, clock, options.cluster(), console, work), options.rest());
            out.flush();
            output = text.toString();
        }
    }
}
