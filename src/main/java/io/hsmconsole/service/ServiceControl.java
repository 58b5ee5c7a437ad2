package io.hsmconsole.service;

import io.hsmconsole.store.DataDirectory;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cloudhsm_client start|stop|status}: starts the service as a background process of its own
 * (returning once it answers), asks it to stop, or says how it is doing. Exit status: 0 done, 1 failed,
 * 3 for {@code status} when no service runs (as init scripts do).
 */
public final class ServiceControl {
    public static final int NOT_RUNNING = 3;
    private static final Duration READY_WAIT = Duration.ofSeconds(60);

    private final DataDirectory data;
    private final ServiceFiles files;
    private final PrintStream out;
    private final PrintStream err;

    public ServiceControl(DataDirectory data, PrintStream out, PrintStream err) {
        this.data = data;
        this.files = new ServiceFiles(data);
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code mainClass --data-dir … [--cluster …] run RUN-ARGUMENTS…} in the background with this JVM's
     * options and class path, in a session of its own (no terminal hang-up reaches it). With a native
     * launcher ({@code launcher} not null, the installed product) that launcher runs it instead: it
     * carries the options and class path itself and takes only the tool's arguments.
     */
    public int start(String mainClass, String launcher, String cluster, List<String> runArguments)
            throws IOException, InterruptedException {
        return start(mainClass, launcher, cluster, runArguments, java.util.Map.of());
    }

    /**
     * The same, the service process started with these environment variables added: the store that
     * {@code --store} named goes to it as {@code HSM_CONSOLE_STORE}, so that the launchers it serves
     * are the ones that name the same store ({@link OutputEnvironment}).
     */
    public int start(String mainClass, String launcher, String cluster, List<String> runArguments,
                     java.util.Map<String, String> environment) throws IOException, InterruptedException {
        if (files.running()) {
            if (!isStale(send("status"))) {
                Optional<Long> pid = files.readPid();
                out.println("cloudhsm_client: already running" + pid.map(p -> " (pid " + p + ")").orElse("")
                        + " for " + data.root());
                return 0;
            }
            out.println("cloudhsm_client: the running service has an older build; it stops, a new one starts");
            if (!awaitStopped()) {
                return 1;
            }
        }
        files.createFolder();
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, launcher, cluster, runArguments));
        // jpackage's launcher marks its JVM's environment so that its own re-start takes the arguments as
        // the JVM's; a launcher started from here must not inherit the mark, or it reads ours as JVM options.
        builder.environment().remove("_JPACKAGE_LAUNCHER");
        builder.environment().putAll(environment);
        Process child = builder
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.ownerOnlyLog().toFile()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive() && child.exitValue() == NOT_RUNNING) {
                out.println("cloudhsm_client: already running (started by another start at the same time) for "
                        + data.root());
                return 0;
            }
            if (!child.isAlive()) {
                err.println("cloudhsm_client: the service ended at start (exit status " + child.exitValue()
                        + "); its log " + files.log() + " ends with:");
                logTail().forEach(line -> err.println("  " + line));
                return 1;
            }
            Optional<Status> status = ask();
            if (status.isPresent() && status.get().pid() == child.pid()) {
                out.println("cloudhsm_client: started (pid " + child.pid() + ", port 127.0.0.1:" + status.get().port()
                        + ") for " + data.root());
                return 0;
            }
            Thread.sleep(50);
        }
        err.println("cloudhsm_client: the service did not answer within " + READY_WAIT.toSeconds()
                + " s; see " + files.log());
        return 1;
    }

    public int status() throws IOException {
        if (!files.running()) {
            out.println("cloudhsm_client: not running for " + data.root()
                    + (Files.exists(files.endpoint()) ? " (a stopped service's endpoint file is left; start replaces it)" : ""));
            return NOT_RUNNING;
        }
        Optional<ServiceClient.Reply> reply = send("status");
        if (isStale(reply)) {
            out.println("cloudhsm_client: not running: the service had an older build than this one and stops;"
                    + " start it again");
            return NOT_RUNNING;
        }
        Optional<Status> status = statusOf(reply);
        if (status.isEmpty()) {
            out.println("cloudhsm_client: a service holds " + files.dir() + " but does not answer"
                    + files.readPid().map(p -> " (pid " + p + ")").orElse(""));
            return 1;
        }
        Status s = status.get();
        out.println("cloudhsm_client: running");
        out.println("  pid           " + s.pid());
        out.println("  port          127.0.0.1:" + s.port());
        out.println("  data folder   " + s.dataFolder());
        out.println("  uptime        " + readable(Duration.ofSeconds(s.uptimeSeconds())));
        out.println("  calls served  " + s.callsServed());
        out.println("  idle timeout  " + readable(Duration.ofSeconds(s.idleTimeoutSeconds()))
                + (s.ways().isEmpty() ? "" : " (counted while no connection is open)"));
        for (Way way : s.ways()) {
            out.println(String.format("  %-13s %s", way.name(), way.address()
                    .map(a -> a + " (" + way.connections() + (way.connections() == 1 ? " connection)" : " connections)"))
                    .orElse("not served: " + way.problem())));
        }
        return 0;
    }

    /**
     * Where the running service serves the way in {@code name}: its address, or empty when no service
     * runs; a service that runs without serving it answers {@link NotServed}.
     */
    public Optional<String> address(String name) throws NotServed {
        Optional<Status> status = ask();
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Way way = status.get().ways().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotServed("this service does not serve " + name));
        return Optional.of(way.address().orElseThrow(() -> new NotServed(way.problem())));
    }

    /** The service runs but does not serve the way in asked for, and says why. */
    public static final class NotServed extends Exception {
        NotServed(String why) {
            super(why);
        }
    }

    public int stop() throws IOException, InterruptedException {
        if (!files.running()) {
            out.println("cloudhsm_client: not running for " + data.root());
            return 0;
        }
        Optional<ServiceClient.Reply> reply = send("status");
        Optional<Status> status = statusOf(reply);
        if (status.isPresent()) {
            send("stop");
        } else if (!isStale(reply)) { // a stale one is stopping already
            // Not answering (still starting, or stuck): a termination signal runs its clean shutdown too.
            files.readPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        }
        if (!awaitStopped()) {
            return 1;
        }
        out.println("cloudhsm_client: stopped" + status.map(s -> " (pid " + s.pid() + ", " + s.callsServed()
                + " calls served)").orElse(""));
        return 0;
    }

    /** Waits until the service released its lock (a stop takes as long as its running calls). */
    private boolean awaitStopped() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        while (files.running()) {
            if (System.nanoTime() > deadline) {
                err.println("cloudhsm_client: the service did not stop within 70 s" + files.readPid()
                        .map(p -> " (pid " + p + ")").orElse(""));
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** What the running service says about itself; empty when nothing answers with the secret. */
    Optional<Status> ask() {
        return statusOf(send("status"));
    }

    private static Optional<Status> statusOf(Optional<ServiceClient.Reply> reply) {
        return reply.filter(r -> r.status().equals("0")).flatMap(r -> Status.parse(r.outputText()));
    }

    private static boolean isStale(Optional<ServiceClient.Reply> reply) {
        return reply.map(r -> r.status().equals(Answer.STALE)).orElse(false);
    }

    private Optional<ServiceClient.Reply> send(String verb) {
        try {
            Optional<Endpoint> endpoint = files.readEndpoint();
            return endpoint.isEmpty() ? Optional.empty()
                    : Optional.of(new ServiceClient(endpoint.get()).send(List.of(verb)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The service's answer to {@code status}: a line about itself, then one per way in. */
    record Status(long pid, int port, long uptimeSeconds, long callsServed, long idleTimeoutSeconds, String dataFolder,
                  List<Way> ways) {
        static Optional<Status> parse(String text) {
            List<String> lines = text.lines().toList();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            String[] f = lines.get(0).strip().split(" ", 6);
            try {
                List<Way> ways = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    Way.parse(line).ifPresent(ways::add);
                }
                return f.length < 6 ? Optional.empty() : Optional.of(new Status(Long.parseLong(f[0]),
                        Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), f[5],
                        List.copyOf(ways)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** {@code way NAME CONNECTIONS ADDRESS} or {@code way NAME - PROBLEM}. */
    record Way(String name, int connections, Optional<String> address, String problem) {
        static Optional<Way> parse(String line) {
            String[] f = line.split(" ", 4);
            if (f.length < 4 || !f[0].equals("way")) {
                return Optional.empty();
            }
            if (f[2].equals("-")) {
                return Optional.of(new Way(f[1], 0, Optional.empty(), f[3]));
            }
            return Optional.of(new Way(f[1], Integer.parseInt(f[2]), Optional.of(f[3]), ""));
        }
    }

    private List<String> command(String mainClass, String launcher, String cluster, List<String> runArguments) {
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        List<String> toolArguments = new ArrayList<>(List.of("--data-dir", data.root().toString()));
        if (cluster != null) {
            toolArguments.addAll(List.of("--cluster", cluster));
        }
        toolArguments.add("run");
        toolArguments.addAll(runArguments);
        if (launcher != null) {
            command.add(launcher);
            command.addAll(toolArguments);
            return command;
        }
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The launcher's options, but with the optimizing compiler: it pays off in a process that lives for minutes.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> !o.startsWith("-XX:TieredStopAtLevel=") && !o.startsWith("-XX:CICompilerCount="))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(toolArguments);
        return command;
    }

    private List<String> logTail() {
        try {
            List<String> lines = Files.readAllLines(files.log(), StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 10), lines.size());
        } catch (IOException e) {
            return List.of("(the log cannot be read: " + e.getMessage() + ")");
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win") ? "NUL" : "/dev/null";
    }

    private static String readable(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return s >= 60 ? (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s") : s + " s";
    }
}
