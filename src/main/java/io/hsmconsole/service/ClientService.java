package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's {@code cloudhsm_client}: the client daemon of one data folder, and the one module of
 * the start-up fast path (docs/performance.md, "Start-up fast path: what stays and why"). Every way
 * into the simulator that must outlive a command lives here: the command lines' fast path (a
 * {@code key_mgmt_util singlecmd …} answered without a JVM start: {@link Builder#tool}) and the
 * long-running endpoints ({@link Builder#wayIn}: the PKCS#11 socket). Start one with
 * {@link #serving(DataDirectory)}; {@code app.ServiceMain} is the command that does.
 *
 * <p>It listens on the loopback interface only, on a port the system picks; a connection another local
 * account opened is closed at once ({@link LoopbackPeers}), and a request runs only when it presents
 * the secret written owner-only in {@code <data folder>/service/endpoint}: another local user cannot
 * read it. It is a transport: every request logs in with its own password and runs the tool's own code.
 *
 * <p>On a connection the service speaks first: the proof from the endpoint file, one line, so the
 * client knows it is this folder's service before it sends anything. Requests ({@link RequestFields},
 * NUL-terminated fields, whole within {@link #REQUEST_DEADLINE}): {@code SECRET TOOL CWD
 * LAUNCHER_ENV… OUTPUT_ENV N ARG1 … ARGN} (TOOL: a word given to {@link Builder#tool}, e.g.
 * {@code kmu}; LAUNCHER_ENV: one field per {@link LauncherEnvironment#VARIABLES}; OUTPUT_ENV:
 * {@link OutputEnvironment}), {@code SECRET status}, {@code SECRET stop}.
 * A tool request that runs is answered {@code accepted} first, before anything runs: a client
 * that did not get that line may run the command itself. Answers: {@link Answer}.
 * The launchers' side is bin/service-client.sh (bash, no process started); {@link ServiceClient} is Java's.
 */
public final class ClientService implements AutoCloseable {
    private static final int MAX_ARGUMENTS = 100_000;
    private static final int WORKERS = 8;
    /** The verbs that are not tools. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("status", "stop");
    /** Time for a client to send its whole request: the launcher sends it in one write. */
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(5);
    /** The line before a tool request runs: from then on, the client never runs it again itself. */
    static final String ACCEPTED = "accepted";
    private static final Logger LOG = LoggerFactory.getLogger(ClientService.class);

    private final ServiceFiles files;
    private final Map<String, ToolRequest> tools;
    private final Duration idleTimeout;
    private final byte[] secret;
    private final Instant started;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final ScheduledExecutorService idleWatch;
    private final AtomicLong served = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final BuildWatch build;
    private final ServiceFiles.HeldLock lock;
    private final java.util.Optional<LoopbackPeers> peers = LoopbackPeers.ofThisSystem();
    private final Endpoint endpoint;
    private final List<WayIn> ways;
    private final List<KeptStores> kept;
    private final Object stopped = new Object();
    private final boolean listenUntilExit;
    private volatile boolean closing;
    private boolean closed;

    private ClientService(Builder setup, ServiceFiles.HeldLock lock) throws IOException {
        this.files = new ServiceFiles(setup.data);
        this.ways = List.copyOf(setup.ways);
        Map<String, ToolRequest> byWord = new HashMap<>();
        // The clusters stay open across calls (KeptStores), one set per store the tools name: a daemon
        // runs on the one store it was started with (docs/team-mode.md), so one set (StoreBackend.equals).
        Map<StoreBackend, KeptStores> keptByBackend = new HashMap<>();
        setup.tools.forEach((word, tool) -> byWord.put(word, new ToolRequest(tool, new ClusterCatalog(
                keptByBackend.computeIfAbsent(tool.launcher(Map.of(), new java.io.PrintWriter(java.io.Writer.nullWriter()))
                        .stores(), KeptStores::new), setup.data, setup.clock))));
        this.kept = List.copyOf(keptByBackend.values());
        this.tools = Map.copyOf(byWord);
        this.idleTimeout = setup.idleTimeout;
        this.lock = lock;
        this.started = setup.started;
        SecureRandom random = new SecureRandom();
        this.secret = new byte[32];
        random.nextBytes(secret);
        byte[] proof = new byte[32];
        random.nextBytes(proof);
        this.server = LoopbackPeers.ipv4Server();
        this.endpoint = new Endpoint(server.getLocalPort(), HexFormat.of().formatHex(secret), setup.launcherRoot,
                HexFormat.of().formatHex(proof), ServiceProcess.current());
        this.listenUntilExit = setup.listenUntilExit;
        this.workers = Executors.newFixedThreadPool(WORKERS, daemon("cloudhsm_client-request"));
        this.idleWatch = Executors.newSingleThreadScheduledExecutor(daemon("cloudhsm_client-idle"));
        this.build = new BuildWatch(setup.buildFiles, setup.started, files.buildWatchFolder()); // last: it has a thread
    }

    /** What a daemon of {@code data} will serve: add its tools and ways in, then {@link Builder#start()}. */
    public static Builder serving(DataDirectory data) {
        return new Builder(data);
    }

    /** The daemon's set-up: which command lines it answers for the launchers, which endpoints it carries. */
    public static final class Builder {
        private final DataDirectory data;
        private final Map<String, ServedTool> tools = new LinkedHashMap<>();
        private final List<WayIn> ways = new ArrayList<>();
        private Duration idleTimeout = Duration.ofMinutes(30);
        private String launcherRoot = "";
        private Instant started = Instant.now();
        private List<Path> buildFiles = List.of();
        private HsmClock clock = HsmClock.SYSTEM;
        private boolean listenUntilExit;

        private Builder(DataDirectory data) {
            this.data = data;
        }

        /** The simulator's clock for the tools it serves: the system's; a test's manual clock steps replication. */
        public Builder clock(HsmClock value) {
            this.clock = value;
            return this;
        }

        /**
         * A command line served to its launcher: requests naming {@code word} (e.g. {@code kmu}, sent by
         * bin/service-client.sh as its {@code SERVICE_TOOL}) run {@code launcher}'s tool, as a JVM of
         * that launcher would.
         */
        public Builder tool(String word, ShellLauncher launcher) {
            return tool(word, ServedTool.singlecmd(launcher));
        }

        /** As above, for a tool that reads variables of its own or has another single-command form ({@link ServedTool}). */
        public Builder tool(String word, ServedTool launcher) {
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace) || RESERVED.contains(word)) {
                throw new IllegalArgumentException("not a tool word: '" + word + "'");
            }
            tools.put(word, launcher);
            return this;
        }

        /** A long-running endpoint carried while the daemon runs (opened after the lock is taken, before
         *  the endpoint file is published, so whoever sees the service running sees it served). */
        public Builder wayIn(WayIn way) {
            ways.add(way);
            return this;
        }

        /**
         * The daemon's process: the listening socket stays bound until the process ends, also after
         * {@link ClientService#close()} (connections then get no proof and their clients fall back). A
         * client trusts the endpoint's port while the endpoint's process runs ({@link ServiceProcess}), so
         * that process must not give the port up while it lives. Without it (a service inside a test's
         * JVM), close releases the port last, once the running calls are done.
         */
        public Builder listenUntilExit() {
            this.listenUntilExit = true;
            return this;
        }

        /** Stops after this long without a call or an open connection on a way in. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /** The folder whose launchers may use it, as they name it (the endpoint file's third line). */
        public Builder launchersOf(String root) {
            this.launcherRoot = root;
            return this;
        }

        /**
         * @param startedAt when this process began running our code (the endpoint's time stamp)
         * @param files     files and folders of the build it runs: when one of their files is newer than
         *                  {@code startedAt}, the service refuses requests (the launcher falls back) and stops
         */
        public Builder build(Instant startedAt, List<Path> files) {
            this.started = startedAt;
            this.buildFiles = List.copyOf(files);
            return this;
        }

        /**
         * Starts serving: takes the service lock (empty when another service holds it), replaces what a
         * killed service left, listens, opens the ways in, then publishes the endpoint and pid files.
         */
        public Optional<ClientService> start() throws IOException {
            ServiceFiles files = new ServiceFiles(data);
            Optional<ServiceFiles.HeldLock> lock = files.tryLock();
            if (lock.isEmpty()) {
                return Optional.empty();
            }
            try {
                files.removeLeftovers();
                ClientService service = new ClientService(this, lock.get());
                service.serve();
                return Optional.of(service);
            } catch (IOException | RuntimeException e) {
                lock.get().close();
                throw e;
            }
        }
    }

    private void serve() throws IOException {
        Thread acceptor = new Thread(this::acceptLoop, "cloudhsm_client-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        long period = Math.max(1, Math.min(idleTimeout.toMillis() / 4, 30_000));
        idleWatch.scheduleAtFixedRate(this::stopWhenIdle, period, period, TimeUnit.MILLISECONDS);
        ways.forEach(WayIn::open);
        files.publish(endpoint, started);
        if (peers.isEmpty()) {
            LOG.warn("this system has no /proc/net/tcp: connections of other local accounts cannot be told apart"
                    + " (the secret still keeps them from running anything)");
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public long callsServed() {
        return served.get();
    }

    /** Blocks until the service stopped (a stop request, the idle timeout or {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        synchronized (stopped) {
            while (!closed) {
                stopped.wait();
            }
        }
    }

    private void acceptLoop() {
        while (true) {
            try {
                Socket client = server.accept();
                if (closing || !fromThisAccount(client)) {
                    client.close(); // before it could send or read a byte, and without taking a worker
                    continue;
                }
                lastActivity.set(System.nanoTime());
                try {
                    workers.execute(() -> answer(client));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    client.close(); // came as the service stopped: the client falls back
                }
            } catch (SocketException e) {
                return; // the server socket was closed: the service stopped
            } catch (IOException e) {
                if (server.isClosed()) {
                    // Closed while accepting (AsynchronousCloseException) or before (ClosedChannelException):
                    // the channel's adaptor does not say so with a SocketException, and accepting again would spin.
                    return;
                }
                // A connection that failed before it was served: its client falls back.
            }
        }
    }

    /** Whether the connection's other end is a process of this service's account (unknown where it cannot be told). */
    private boolean fromThisAccount(Socket client) {
        if (peers.isEmpty()) {
            return true;
        }
        try {
            // The client's own socket: local port = the client's, remote port = ours.
            if (peers.get().isClientOurs(client)) {
                return true;
            }
            LOG.warn("refused a connection from 127.0.0.1:{}: it is not of this account (uid {})", client.getPort(),
                    peers.get().ownUid());
        } catch (IOException e) {
            LOG.warn("refused a connection from 127.0.0.1:{}: its owner cannot be read ({})", client.getPort(),
                    e.getMessage());
        }
        return false;
    }

    /**
     * Sent by a worker, not the acceptor: a client waits for it only a short time, and while no worker
     * is free it gets no proof, sends nothing and starts its own JVM instead.
     */
    private void answer(Socket client) {
        active.incrementAndGet();
        try (client) {
            // Each line goes out at once: with Nagle's algorithm the answer after "accepted" would wait for the
            // client's delayed acknowledgement of it (tens of milliseconds per call).
            client.setTcpNoDelay(true);
            OutputStream out = client.getOutputStream();
            out.write((endpoint.proof() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RequestFields request = new RequestFields(new BufferedInputStream(new DeadlineInput(client, REQUEST_DEADLINE)));
            Answer answer = handle(request, () -> {
                out.write((ACCEPTED + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            });
            out.write(answer.encode());
            out.flush();
        } catch (IOException e) {
            // A client that went away, was too slow or sent garbage: nothing ran, nothing to answer.
            LOG.debug("a connection ended without an answer: {}", e.getMessage());
        } finally {
            lastActivity.set(System.nanoTime());
            active.decrementAndGet();
        }
    }

    private Answer handle(RequestFields request, ToolRequest.Start start) throws IOException {
        boolean allowed = MessageDigest.isEqual(request.next().getBytes(StandardCharsets.UTF_8),
                endpoint.secret().getBytes(StandardCharsets.UTF_8));
        if (!allowed) {
            return Answer.notRun(Answer.REFUSED);
        }
        String verb = request.next();
        switch (verb) {
            case "status" -> {
                return stopIfStale() ? Answer.notRun(Answer.STALE) : Answer.text(status());
            }
            case "stop" -> {
                LOG.info("stopping: asked to (cloudhsm_client stop)");
                Thread stopper = new Thread(this::close, "cloudhsm_client-stop");
                stopper.start();
                return Answer.text("stopping\n");
            }
            default -> {
                ToolRequest tool = tools.get(verb);
                return tool == null ? Answer.notRun(Answer.FALLBACK) : runTool(tool, request, start);
            }
        }
    }

    private Answer runTool(ToolRequest tool, RequestFields request, ToolRequest.Start start) throws IOException {
        String cwd = request.next();
        Map<String, String> launcherEnv = LauncherEnvironment.read(request);
        String outputEnv = request.next();
        Map<String, String> toolEnv = new HashMap<>();
        for (String name : tool.variables()) {
            String value = request.next();
            if (!value.isEmpty()) {
                toolEnv.put(name, value);
            }
        }
        int count = request.nextCount(MAX_ARGUMENTS);
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(request.next());
        }
        if (stopIfStale() || !outputEnv.equals(OutputEnvironment.of(System.getenv()))) {
            return Answer.notRun(Answer.FALLBACK);
        }
        Answer answer = tool.run(cwd, launcherEnv, toolEnv, args, start);
        if (answer.wasRun()) {
            served.incrementAndGet();
        }
        return answer;
    }

    /** A build newer than this service: it stops (in the background, this request still gets its answer). */
    private boolean stopIfStale() {
        Path changed = build.changedFile();
        if (changed == null) {
            return false;
        }
        LOG.info("{} changed since the start: the build is newer than this service, which stops;"
                + " start it again to use the new build", changed);
        new Thread(this::close, "cloudhsm_client-stop").start();
        return true;
    }

    /**
     * For {@code cloudhsm_client status}: {@code pid port uptime-seconds calls-served idle-seconds
     * data-folder}, then a line per way in: {@code way NAME CONNECTIONS ADDRESS}, or {@code way NAME -
     * PROBLEM} when it is not served.
     */
    private String status() {
        long uptime = Duration.between(started, Instant.now()).toSeconds();
        StringBuilder status = new StringBuilder().append(ProcessHandle.current().pid()).append(' ')
                .append(endpoint.port()).append(' ').append(uptime).append(' ').append(served.get()).append(' ')
                .append(idleTimeout.toSeconds()).append(' ').append(files.dir().getParent()).append('\n');
        for (WayIn way : ways) {
            status.append("way ").append(way.name()).append(' ')
                    .append(way.address().map(a -> way.openConnections() + " " + a).orElse("- " + way.problem()))
                    .append('\n');
        }
        return status.toString();
    }

    /** Idle: no request running, no connection open on a way in, and none for the idle timeout. */
    private void stopWhenIdle() {
        long now = System.nanoTime();
        long last = lastActivity.get();
        for (WayIn way : ways) {
            if (way.openConnections() > 0) {
                return;
            }
            long wayLast = way.lastActivityNanos();
            if (wayLast != 0 && wayLast - last > 0) {
                last = wayLast;
            }
        }
        if (active.get() == 0 && now - last >= idleTimeout.toNanos()) {
            LOG.info("stopping: no call for {} minutes", idleTimeout.toMinutes());
            close();
        }
    }

    /**
     * Stops serving (a connection from now on is closed before the proof), removes the endpoint and pid
     * files, lets running requests finish, releases the lock; then the listening socket, unless it stays
     * until the process ends ({@link Builder#listenUntilExit()}).
     */
    @Override
    public void close() {
        synchronized (stopped) {
            if (closing) {
                return;
            }
            closing = true;
        }
        files.withdraw(endpoint);
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ways.forEach(WayIn::close);
        kept.forEach(KeptStores::close);
        build.close();
        idleWatch.shutdownNow(); // last: this may be the idle watch's own thread
        lock.close();
        if (!listenUntilExit) {
            try {
                server.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        synchronized (stopped) {
            closed = true;
            stopped.notifyAll();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
