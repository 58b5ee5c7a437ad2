package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.TestFiles;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for the tests: {@code initdb} into a temporary folder and
 * {@code pg_ctl start} on a free port of 127.0.0.1, run as a non-root user (PostgreSQL refuses to
 * run as root: the {@code postgres} account Debian's package makes), started once per test JVM and
 * stopped, its folder deleted, when the JVM ends. Each caller gets a fresh database of its own
 * ({@link #newDatabase}).
 *
 * <p>Without the server binaries the tests fail under CI ({@code CI=true}: {@code .ci/run}
 * installs Debian's {@code postgresql}), and elsewhere are aborted with how to install them.
 */
public final class PostgresServer {
    private static final String SUPERUSER = "hsm";
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer running;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String password;

    private PostgresServer(Path bin, Path dir, int port, String password) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer get() {
        if (running == null) {
            running = start(binaries());
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    /**
     * A server of the caller's own, for a test that stops and starts it ({@link #stopServer},
     * {@link #startServer}) without disturbing the others; removed when the JVM ends.
     */
    public static PostgresServer startOwn() {
        PostgresServer own = start(binaries());
        Runtime.getRuntime().addShutdownHook(new Thread(own::stop));
        return own;
    }

    /** Where the server listens, as a message names it ({@code host:port}). */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Stops the server as an administrator's restart does (fast shutdown: sessions are cut). */
    public void stopServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                "stop"), 120);
    }

    /** Starts the stopped server again, on the same port with the same data. */
    public void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-l",
                dir.resolve("log").toString(), "-w", "start"), 120);
    }

    /** A new, empty database on the server, as the URL a user would give in HSM_CONSOLE_STORE. */
    public PostgresUrl newDatabase() {
        String name = "t" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", credentials());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on the throw-away PostgreSQL server", e);
        }
        return new PostgresUrl(SUPERUSER, password, "127.0.0.1", port, name);
    }

    /** The URL as text, as {@code HSM_CONSOLE_STORE} holds it. */
    public static String text(PostgresUrl url) {
        return PostgresUrl.SCHEME + "://" + url.user() + ":" + url.password() + "@" + url.host() + ":" + url.port()
                + "/" + url.database();
    }

    private Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        p.setProperty("password", password);
        return p;
    }

    private static Path binaries() {
        Path newest = null;
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent()))).orElse(null);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + DEBIAN_BINARIES, e);
            }
        }
        if (newest == null) {
            String how = "the PostgreSQL tests need a PostgreSQL server's binaries (initdb, pg_ctl) under "
                    + DEBIAN_BINARIES + "/<version>/bin: install them with `sudo apt-get install postgresql`"
                    + " (Debian/Ubuntu); the tests start and stop their own throw-away server";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("missing under CI: " + how + " (.ci/run installs it)");
            }
            Assumptions.abort(how);
        }
        return newest;
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("hsm-postgres-");
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            Path data = dir.resolve("data");
            giveToServerUser(dir);
            int port = freePort();
            PostgresServer server = new PostgresServer(bin, dir, port, password);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "md5",
                    "--pwfile=" + pwfile, "-U", SUPERUSER, "-E", "UTF8", "--no-sync"), 120);
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a throw-away PostgreSQL server", e);
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), 60);
        } catch (IllegalStateException alreadyStopped) {
            // A test stopped it (stopServer) and did not start it again.
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    /** PostgreSQL refuses to run as root: as root the server runs as Debian's {@code postgres} account. */
    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToServerUser(Path dir) throws IOException {
        if (asRoot()) {
            exec(List.of("chown", "-R", "postgres:postgres", dir.toString()), 30);
        }
    }

    private void run(List<String> command, long timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        exec(full, timeoutSeconds);
    }

    private static void exec(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed:\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
