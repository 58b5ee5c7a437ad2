package io.hsmconsole.bench;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.Handles;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.service.KeptStores;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.shell.cli.CliShell;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.KeyCopy;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.postgresql.PostgresBackend;
import io.hsmconsole.store.postgresql.PostgresUrl;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a listing's time goes at N keys (issue 18), in process, on SQLite ({@code --dir} only) or on the
 * PostgreSQL server of {@code --url}: findKey (all, {@code -l}), the console's key list, the CloudHSM
 * CLI's {@code key list} (with and without {@code --filter attr.label=…}), and the two command lines as
 * the client daemon runs one request (open the cluster, log in, run, close), medians of
 * {@code --rounds} calls. The cluster is filled fast and once: example_user's AES keys cloned by the
 * thousand in one transaction each (through the store, so sealed and indexed as any key), plus a few
 * public keys of alice and a key bob shares with example_user, made through the simulator.
 *   java … io.hsmconsole.bench.TeamListProbe --dir D [--url postgresql://…] [--keys 100000] [--rounds 11]
 */
public final class TeamListProbe {
    private static final Map<String, String> CLI_ENV = Map.of(CliShell.ROLE_VARIABLE, "crypto-user",
            CliShell.PIN_VARIABLE, "example_user:example_pwd");

    private TeamListProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(TeamBench.arg(args, "--dir", null));
        String url = TeamBench.arg(args, "--url", "");
        int keys = Integer.parseInt(TeamBench.arg(args, "--keys", "100000"));
        int rounds = Integer.parseInt(TeamBench.arg(args, "--rounds", "11"));
        StoreBackend backend = url.isEmpty() ? new SqliteBackend() : new PostgresBackend(PostgresUrl.parse(url));
        Files.createDirectories(dir);
        ClusterCatalog catalog = new ClusterCatalog(backend, new DataDirectory(dir), HsmClock.SYSTEM);
        String label = "bench-" + keys / 2;
        if (!catalog.exists(BenchClusters.NAME)) {
            long template;
            try (HsmCluster cluster = catalog.createDemo(BenchClusters.NAME,
                    ClusterOptions.of(HsmType.HSM2M_MEDIUM, 3, 0).withKeyCapacity(Math.max(keys * 2, 1_000_000)))) {
                template = seed(cluster, keys);
            }
            try (ClusterStore store = backend.open(catalog.dataDirectory().clusterDir(BenchClusters.NAME),
                    new java.security.SecureRandom())) {
                fill(store, template, keys);
            }
        }
        String name = url.isEmpty() ? "sqlite" : "postgresql";
        try (HsmCluster cluster = catalog.open(BenchClusters.NAME)) {
            HsmSession s = BenchClusters.login(cluster, "example_user");
            int visible = s.findKeys(KeyQuery.all()).value().size();
            System.out.println(name + " keys example_user can use\t" + visible);
            print(name + " findKey all ms", rounds, () -> s.findKeys(KeyQuery.all()).value().size());
            print(name + " findKey -l ms", rounds, () -> s.findKeys(KeyQuery.byLabel(label)).value().size());
            print(name + " console key list ms", rounds, () -> s.listKeys().value().size());
            // Right after a change to the keys (a label written, untimed): what a remembered listing
            // cannot serve whole.
            long first = s.findKeys(KeyQuery.byLabel("bench-0")).value().get(0);
            Runnable change = () -> s.setAttribute(first, io.hsmconsole.hsm.key.Attribute.LABEL, 0, "bench-0");
            print(name + " findKey all after a change ms", rounds, change, () -> s.findKeys(KeyQuery.all()).value().size());
            print(name + " console key list after a change ms", rounds, change, () -> s.listKeys().value().size());
            s.close();
            consoleRefresh(name, cluster, catalog, rounds);
        }
        ShellLauncher kmu = new ShellLauncher(backend, "key_mgmt_util", KmuShell::completions, KmuShell::tool);
        ShellLauncher cli = new ShellLauncher(backend, "cloudhsm-cli", CliShell::completions,
                CliShell.tool(CLI_ENV, new PrintWriter(PrintWriter.nullWriter())), a -> false);
        // As the daemon serves them: its stores kept open across calls (KeptStores), and as it did before.
        ClusterCatalog kept = new ClusterCatalog(new KeptStores(backend), new DataDirectory(dir), HsmClock.SYSTEM);
        List<String> login = List.of("--cluster", BenchClusters.NAME, "singlecmd", "loginHSM", "-u", "CU", "-s",
                "example_user", "-p", "example_pwd");
        List<String> cliList = List.of("--cluster", BenchClusters.NAME, "key", "list");
        for (ClusterCatalog served : List.of(kept, catalog)) {
            String how = name + (served == kept ? " served (kept store)" : " served (opened per call)");
            print(how + " kmu findKey ms", rounds, served(kmu, served, join(login, "findKey")));
            print(how + " kmu findKey -l ms", rounds, served(kmu, served, join(login, "findKey", "-l", label)));
            print(how + " cli key list ms", rounds, served(cli, served, cliList));
            print(how + " cli key list --filter label ms", rounds, served(cli, served,
                    join(cliList, "--filter", "attr.label=" + label)));
        }
    }

    /**
     * The console's whole refresh of its key list (KeyController.readKeys and KeyListViewModel.show, as
     * the window's reload runs them, on this thread), with nothing changed and right after a change.
     */
    private static void consoleRefresh(String name, HsmCluster cluster, ClusterCatalog catalog, int rounds) {
        io.hsmconsole.controller.Workspace workspace = new io.hsmconsole.controller.Workspace(catalog, cluster);
        io.hsmconsole.controller.SameThreadTaskRunner runner = new io.hsmconsole.controller.SameThreadTaskRunner();
        List<Throwable> errors = new ArrayList<>();
        io.hsmconsole.controller.SessionController sessions = new io.hsmconsole.controller.SessionController(workspace,
                runner, errors::add);
        sessions.login(BenchClusters.NAME, "example_user", "example_pwd".toCharArray(), outcome -> { });
        io.hsmconsole.controller.KeyController keys = new io.hsmconsole.controller.KeyController(workspace, runner,
                errors::add);
        io.hsmconsole.ui.common.RecordingDialogs dialogs = new io.hsmconsole.ui.common.RecordingDialogs();
        io.hsmconsole.ui.keylist.KeyListViewModel list = new io.hsmconsole.ui.keylist.KeyListViewModel(keys,
                io.hsmconsole.ui.common.Messages.load(), dialogs);
        HsmSession s = BenchClusters.login(cluster, "example_user"); // the writer of the changes
        long first = s.findKeys(KeyQuery.byLabel("bench-0")).value().get(0);
        String[] labels = {"bench-0", "bench-0b"};
        int[] turn = {0};
        Supplier<Integer> refresh = () -> {
            list.reload();
            if (!errors.isEmpty() || !dialogs.errors.isEmpty()) {
                throw new IllegalStateException("the refresh failed: " + errors + " " + dialogs.errors);
            }
            return list.rows().size();
        };
        print(name + " console refresh (view model) ms", rounds, refresh);
        print(name + " console refresh (view model) after a change ms", rounds,
                () -> s.setAttribute(first, io.hsmconsole.hsm.key.Attribute.LABEL, 0, labels[turn[0]++ % 2]), refresh);
        System.out.println(name + " console rows\t" + list.rows().size());
    }

    /** One request as the daemon runs it ({@code ToolRequest}): the tool's code on an open catalog. */
    private static Supplier<Integer> served(ShellLauncher tool, ClusterCatalog catalog, List<String> args) {
        return () -> {
            StringWriter out = new StringWriter();
            PlainConsole console = new PlainConsole(new BufferedReader(Reader.nullReader()), new PrintWriter(out));
            try {
                int status = tool.runTool(catalog, StartupOptions.parse(args, Map.of()), console, Path.of("").toAbsolutePath(),
                        new PrintStream(java.io.OutputStream.nullOutputStream()));
                if (status != 0) {
                    throw new IllegalStateException(args + " ended with " + status + ":\n" + out);
                }
            } catch (StartupOptions.UsageException e) {
                throw new IllegalArgumentException(e);
            }
            return out.toString().length();
        };
    }

    /** example_user's first key (returned: the model of the rest), alice's public keys, bob's shared key. */
    private static long seed(HsmCluster cluster, int keys) {
        HsmSession example = BenchClusters.login(cluster, "example_user");
        HsmSession alice = BenchClusters.login(cluster, "alice");
        HsmSession bob = BenchClusters.login(cluster, "bob");
        long template = BenchChecks.handleOf(example.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "bench-0")));
        for (int i = 0; i < 5; i++) {
            alice.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("alice-ec-" + i)),
                    io.hsmconsole.hsm.SyncObserver.NONE);
        }
        long shared = BenchChecks.handleOf(bob.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "bob-shared")));
        bob.shareKey(shared, example.user().id(), true);
        example.close();
        alice.close();
        bob.close();
        return template;
    }

    private static void fill(ClusterStore store, long template, int keys) {
        KeyRecord model = store.key(template).orElseThrow();
        for (int from = 1; from < keys; from += 5_000) {
            int first = from;
            store.write(tx -> {
                for (int n = first; n < Math.min(first + 5_000, keys); n++) {
                    long handle = Handles.of(0, tx.nextHandleCounter());
                    List<KeyCopy> copies = new ArrayList<>();
                    for (int node = 0; node < 3; node++) {
                        copies.add(new KeyCopy(handle, node, 0L));
                    }
                    tx.insertKey(model.toBuilder().handle(handle).label("bench-" + n).build(), copies);
                }
                return null;
            });
        }
    }

    private static List<String> join(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static void print(String name, int rounds, Supplier<Integer> call) {
        print(name, rounds, () -> { }, call);
    }

    /** {@code before} runs untimed before each call. */
    private static void print(String name, int rounds, Runnable before, Supplier<Integer> call) {
        call.get();
        call.get();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            before.run();
            long start = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("%s\t%.1f%n", name, Samples.median(ms));
    }
}
