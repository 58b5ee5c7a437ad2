package io.hsmconsole.reliability;

import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.controller.SameThreadTaskRunner;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, concurrency: the console's controller layer (in this JVM, logged in as dave) and four
 * key_mgmt_util processes (the bin/ launcher with piped input; example_user, alice, bob, carol)
 * generate, share and delete keys on one cluster for 10 s (60 s with {@code -Plong}). Every answer
 * is checked against what the actors know ({@link Ledger}): 0 errors other than the expected HSM
 * refusals ({@link Ledger#EXPECTED_REFUSALS}), 0 handles reported twice, and at the end every
 * surviving key is visible to exactly the users it should be, in every process.
 */
class ConcurrencyIT {
    static final Duration RUN = Duration.ofSeconds(Scale.pick(10, 60));
    static final Duration ANSWER = Duration.ofSeconds(120);
    static final int DAVE = 8;
    static final List<Integer> CRYPTO_USERS = List.of(3, 4, 5, 6, DAVE);
    static final List<String[]> SCRIPT_USERS = List.of(new String[]{"example_user", "3", "example_pwd"},
            new String[]{"alice", "4", "alice_pwd"}, new String[]{"bob", "5", "bob_pwd"},
            new String[]{"carol", "6", "carol_pwd"});

    @TempDir
    Path temp;

    @Test
    void fourScriptsAndTheConsoleShareOneClusterWithoutLosingOrDuplicatingAnything() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM);
        try (HsmCluster cluster = catalog.createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo())) {
            HsmSession officer = cluster.login(LoginChannel.MGMT_UTIL, UserType.CO, "officer1",
                    "officer1_pwd".toCharArray()).value();
            assertThat(officer.users().createUser(UserType.CU, "dave", "dave_pwd".toCharArray()).value().id()).isEqualTo(DAVE);
            officer.close();
        }
        long seed = System.nanoTime();
        Ledger ledger = new Ledger();
        List<ShellProcess> scripts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(SCRIPT_USERS.size());
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            for (String[] u : SCRIPT_USERS) {
                ShellProcess p = ShellProcess.start("key_mgmt_util", data, temp, List.of());
                scripts.add(p);
                p.awaitPrompt(ShellProcess.KMU_PROMPT, ANSWER);
                String login = p.send("loginHSM -u CU -s " + u[0] + " -p " + u[2], ShellProcess.KMU_PROMPT, ANSWER);
                assertThat(KmuOutput.lastResultCode(login)).as("login of %s", u[0]).isZero();
            }
            Console console = new Console(catalog, cluster, ledger, new Random(seed));
            long deadline = System.nanoTime() + RUN.toNanos();
            List<Future<Integer>> running = new ArrayList<>();
            for (int i = 0; i < scripts.size(); i++) {
                Script script = new Script(SCRIPT_USERS.get(i)[0], Integer.parseInt(SCRIPT_USERS.get(i)[1]), scripts.get(i),
                        ledger, new Random(seed + i + 1));
                running.add(pool.submit(() -> script.runUntil(deadline)));
            }
            int consoleOps = console.runUntil(deadline);
            List<Integer> scriptOps = new ArrayList<>();
            for (Future<Integer> f : running) {
                scriptOps.add(f.get(RUN.toSeconds() + 300, TimeUnit.SECONDS));
            }

            for (int i = 0; i < scripts.size(); i++) {
                int user = Integer.parseInt(SCRIPT_USERS.get(i)[1]);
                String found = scripts.get(i).send("findKey -sess 0", ShellProcess.KMU_PROMPT, ANSWER);
                assertThat(new TreeSet<>(KmuOutput.foundHandles(found))).as("token keys %s sees at the end",
                        SCRIPT_USERS.get(i)[0]).isEqualTo(ledger.visibleTokenKeys(user));
            }
            assertThat(console.tokenKeysListed()).as("token keys the console lists for dave at the end")
                    .isEqualTo(ledger.visibleTokenKeys(DAVE));
            assertThat(ledger.errors()).as("errors (seed %d)", seed).isEmpty();
            assertThat(cluster.auditLog().verify().intact()).isTrue();
            console.close(); // logs out and closes the cluster, as the console does at exit
            System.out.printf("concurrency: %d s, console %d operations, scripts %s operations; %d keys made, %d deleted,"
                            + " answers %s; 0 errors, 0 duplicate handles; seed %d%n", RUN.toSeconds(), consoleOps, scriptOps,
                    ledger.madeCount(), ledger.deletedCount(), ledger.outcomes(), seed);
        } finally {
            for (ShellProcess p : scripts) {
                p.finish(ANSWER);
            }
            pool.shutdownNow();
        }
        assertThat(StoreIntegrity.problems(data.resolve("clusters").resolve("demo").resolve("cluster.db"))).isEmpty();
    }

    /** Crypto users other than {@code me}, each with probability 1/3. */
    static List<Integer> someOthers(int me, Random random) {
        return CRYPTO_USERS.stream().filter(u -> u != me && random.nextInt(3) == 0).toList();
    }

    /**
     * An actor's loop until the deadline: 40 % {@code make} (given the operation's number, for
     * unique labels), 25 % {@code change}, 20 % {@code read}, 15 % {@code check}. Returns the count.
     */
    static int actUntil(long deadline, Random random, java.util.function.IntConsumer make, Runnable change,
                        Runnable read, Runnable check) {
        int ops = 0;
        for (; System.nanoTime() < deadline; ops++) {
            int op = random.nextInt(100);
            if (op < 40) {
                make.accept(ops);
            } else if (op < 65) {
                change.run();
            } else if (op < 85) {
                read.run();
            } else {
                check.run();
            }
        }
        return ops;
    }

    static String raceId(Random random) {
        return random.nextInt(5) == 0 ? "race-" + random.nextInt(20) : "";
    }

    /** One key_mgmt_util process driven line by line, as a script with error handling would. */
    record Script(String name, int me, ShellProcess kmu, Ledger ledger, Random random) {
        int runUntil(long deadline) {
            return actUntil(deadline, random, this::generate, this::delete, this::keyInfo, this::find);
        }

        private Long send(String line, Set<ReturnCode> allowed) {
            String out = kmu.send(line, ShellProcess.KMU_PROMPT, ANSWER);
            Long code = KmuOutput.lastResultCode(out);
            if (code == null) {
                ledger.error(name + ": `" + line + "` printed no result:\n" + out);
                return null;
            }
            ReturnCode rc = ReturnCode.fromCode(code).orElse(null);
            if (rc == null) {
                ledger.error(name + ": `" + line + "` answered an unknown code " + Long.toHexString(code));
                return null;
            }
            ledger.answer(name, line, rc, allowed);
            return rc.isSuccess() ? KmuOutput.createdHandle(out) != null ? KmuOutput.createdHandle(out) : 0L : null;
        }

        private void generate(int n) {
            boolean session = random.nextInt(10) == 0;
            List<Integer> users = session ? List.of() : someOthers(me, random);
            String id = raceId(random);
            KeyOrder o = new KeyOrder(name + "-" + n, 31, 16, id, false, session, users, 0, null, null);
            Long handle = send(o.kmuLine(), id.isEmpty() ? Set.of(ReturnCode.SUCCESS)
                    : Set.of(ReturnCode.SUCCESS, ReturnCode.DUPLICATE_KEY_ID));
            if (handle != null) {
                if (handle == 0) {
                    ledger.error(name + ": `" + o.kmuLine() + "` succeeded without a handle");
                } else {
                    ledger.made(new Ledger.Key(handle, me, !session, o.label(), Set.copyOf(users)), name);
                }
            }
        }

        private void delete() {
            Ledger.Key k = ledger.any(random);
            if (k == null) {
                return;
            }
            if (k.owner() == me) {
                Set<ReturnCode> expected = Set.of(ledger.isDeleted(k.handle()) ? ReturnCode.INVALID_HANDLE : ReturnCode.SUCCESS);
                if (send("deleteKey -k " + k.handle(), expected) != null) {
                    ledger.deleted(k.handle());
                }
            } else {
                send("deleteKey -k " + k.handle(), Set.of(ReturnCode.KEY_ACCESS_DENIED, ReturnCode.INVALID_HANDLE));
            }
        }

        private void keyInfo() {
            Ledger.Key k = ledger.any(random);
            if (k == null) {
                return;
            }
            Set<ReturnCode> expected;
            if (k.owner() == me) {
                expected = Set.of(ledger.isDeleted(k.handle()) ? ReturnCode.INVALID_HANDLE : ReturnCode.SUCCESS);
            } else if (k.owner() != DAVE && !k.sharedWith().contains(me)) {
                expected = Set.of(ReturnCode.INVALID_HANDLE); // never shared with me: must stay invisible
            } else {
                expected = Set.of(ReturnCode.SUCCESS, ReturnCode.INVALID_HANDLE);
            }
            send("getKeyInfo -k " + k.handle(), expected);
        }

        private void find() {
            Ledger.Key k = ledger.ownLiveTokenKey(me, random);
            if (k == null) {
                return;
            }
            String out = kmu.send("findKey -l " + k.label(), ShellProcess.KMU_PROMPT, ANSWER);
            ledger.answer(name, "findKey -l " + k.label(), ReturnCode.fromCode(KmuOutput.lastResultCode(out)).orElseThrow(),
                    Set.of(ReturnCode.SUCCESS));
            if (!KmuOutput.foundHandles(out).contains(k.handle())) {
                ledger.error(name + ": findKey -l " + k.label() + " did not find its own key " + k.handle() + ":\n" + out);
            }
        }
    }

    /** The desktop console's controller layer, logged in as dave, run on this thread. */
    static final class Console implements AutoCloseable {
        private final SessionController sessions;
        private final KeyController keys;
        private final Ledger ledger;
        private final Random random;

        Console(ClusterCatalog catalog, HsmCluster cluster, Ledger ledger, Random random) {
            Workspace workspace = new Workspace(catalog, cluster);
            SameThreadTaskRunner runner = new SameThreadTaskRunner();
            this.sessions = new SessionController(workspace, runner, e -> ledger.error("console: " + e));
            this.keys = new KeyController(workspace, runner, e -> ledger.error("console: " + e));
            this.ledger = ledger;
            this.random = random;
            AtomicReference<Boolean> ok = new AtomicReference<>();
            sessions.login(ClusterCatalog.DEMO_CLUSTER, "dave", "dave_pwd".toCharArray(),
                    outcome -> ok.set(outcome.result().isSuccess()));
            assertThat(ok.get()).as("the console's login").isTrue();
        }

        int runUntil(long deadline) {
            return actUntil(deadline, random, this::generate, this::share, this::delete, this::list);
        }

        private <T> HsmResult<T> await(java.util.function.Consumer<java.util.function.Consumer<HsmResult<T>>> call) {
            CompletableFuture<HsmResult<T>> result = new CompletableFuture<>();
            call.accept(result::complete);
            return result.getNow(null);
        }

        private void generate(int n) {
            List<Integer> users = someOthers(DAVE, random);
            String id = raceId(random);
            GenSymKeyRequest r = new GenSymKeyRequest(31, 16, "dave-" + n, id, false, false, users, 0, null, null, false);
            HsmResult<io.hsmconsole.hsm.key.GeneratedKey> made = await(done -> keys.generate(r, "genSymKey", p -> { }, done));
            if (made == null) {
                return; // reported through the error handler
            }
            ledger.answer("console", "genSymKey -l " + r.label(), made.code(), id.isEmpty() ? Set.of(ReturnCode.SUCCESS)
                    : Set.of(ReturnCode.SUCCESS, ReturnCode.DUPLICATE_KEY_ID));
            if (made.isSuccess()) {
                ledger.made(new Ledger.Key(made.value().handle(), DAVE, true, r.label(), Set.copyOf(users)), "console");
            }
        }

        private void share() {
            Ledger.Key k = ledger.ownLiveTokenKey(DAVE, random);
            if (k == null) {
                return;
            }
            List<Integer> users = someOthers(DAVE, random);
            HsmResult<Void> r = await(done -> keys.setSharing(k.handle(), users, done));
            if (r != null) {
                ledger.answer("console", "share " + k.handle() + " with " + users, r.code(), Set.of(ReturnCode.SUCCESS));
                if (r.isSuccess()) {
                    ledger.sharedWith(k.handle(), new HashSet<>(users));
                }
            }
        }

        private void delete() {
            Ledger.Key k = ledger.ownLiveTokenKey(DAVE, random);
            if (k == null) {
                return;
            }
            HsmResult<Void> r = await(done -> keys.delete(k.handle(), done));
            if (r != null) {
                ledger.answer("console", "deleteKey -k " + k.handle(), r.code(), Set.of(ReturnCode.SUCCESS));
                if (r.isSuccess()) {
                    ledger.deleted(k.handle());
                }
            }
        }

        private void list() {
            Set<Long> listed = tokenKeysListed();
            Set<Long> own = ledger.visibleTokenKeys(DAVE).stream().filter(h -> ledger.key(h).owner() == DAVE)
                    .collect(Collectors.toSet());
            if (!listed.containsAll(own)) {
                ledger.error("console: the key list misses own keys " + own.stream().filter(h -> !listed.contains(h)).toList());
            }
        }

        Set<Long> tokenKeysListed() {
            HsmResult<List<KeyRow>> rows = await(keys::listKeys);
            if (rows == null || !rows.isSuccess()) {
                ledger.error("console: the key list failed: " + (rows == null ? "exception" : rows.code()));
                return Set.of();
            }
            return rows.value().stream().filter(KeyRow::token).map(KeyRow::handle)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public void close() {
            sessions.shutdown();
        }
    }
}
