package io.hsmconsole.app;

import io.hsmconsole.hsm.crypto.Pbkdf2;
import io.hsmconsole.service.ClientService;
import io.hsmconsole.service.Pkcs11WayIn;
import io.hsmconsole.service.ServiceControl;
import io.hsmconsole.service.ServiceFiles;
import io.hsmconsole.service.WarmUp;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cloudhsm_client [--data-dir DIR] [--cluster NAME] [--store STORE] start [--idle-minutes N] | stop | status |
 * pkcs11-env}: the client service that lets {@code key_mgmt_util singlecmd …} run without a JVM start
 * (docs/command-line.md) and serves the cluster's PKCS#11 endpoint (docs/pkcs11.md).
 * {@code run} is the service process itself, which {@code start} launches in the background.
 */
public final class ServiceMain {
    /** The daemon's word for key_mgmt_util: bin/key_mgmt_util's SERVICE_TOOL. */
    static final String KMU = "kmu";
    static final String CLI = "cli";
    /** Set by bin/cloudhsm_client: the project folder whose launchers may use the service. */
    static final String ROOT_VARIABLE = "HSM_CONSOLE_LAUNCHER_ROOT";
    /** Set by jpackage's native launchers: the launcher's path, {@code <installation>/bin/<name>}. */
    private static final String APP_PATH_PROPERTY = "jpackage.app-path";
    private static final String USAGE = "usage: cloudhsm_client [--data-dir DIR] [--cluster NAME] [--store STORE] start [--idle-minutes N]"
            + " [--disable-key-availability-check] | stop | status | pkcs11-env";

    private ServiceMain() {
    }

    /**
     * When this JVM began running our code: a build file newer than this may not be what the service
     * loaded, so the service stops for it. Not the process's start time: Linux derives that from the
     * boot time in whole seconds, up to a second early, so a package upgrade finished just before the
     * service was started again looked newer than the new service, which then refused every call.
     */
    private static final Instant CLASS_LOADED = Instant.now();

    public static void main(String[] args) {
        Logging.forService();
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        try {
            StartupOptions options = StartupOptions.parse(Arrays.asList(argv), System.getenv());
            List<String> rest = options.rest();
            if (rest.isEmpty()) {
                err.println(USAGE);
                return 2;
            }
            DataDirectory data = DataDirectory.fromSystem(options.dataDir());
            ServiceControl control = new ServiceControl(data, out, err);
            String verb = rest.get(0);
            List<String> verbOptions = rest.subList(1, rest.size());
            return switch (verb) {
                case "start" -> {
                    RunOptions run = RunOptions.parse(verbOptions);
                    StoreBackends.chosen(argv); // a wrong --store stops here, not in the background
                    yield control.start(ServiceMain.class.getName(), System.getProperty(APP_PATH_PROPERTY),
                            options.cluster(), run.arguments(), options.store() == null ? Map.of()
                                    : Map.of(StoreBackends.ENV_VARIABLE, options.store()));
                }
                case "run" -> serve(data, options.cluster(), RunOptions.parse(verbOptions), err, argv);
                case "stop" -> noOptions(verbOptions, control::stop);
                case "status" -> noOptions(verbOptions, control::status);
                case "pkcs11-env" -> noOptions(verbOptions, () -> Pkcs11Environment.print(control, data, out, err));
                default -> throw new IllegalArgumentException("unknown command '" + verb + "'");
            };
        } catch (StartupOptions.UsageException | IllegalArgumentException e) {
            err.println("cloudhsm_client: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | StoreException e) {
            err.println("cloudhsm_client: error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int serve(DataDirectory data, String cluster, RunOptions run, PrintStream err, String[] argv)
            throws IOException, InterruptedException {
        long idleMinutes = run.idleMinutes();
        ShellLauncher kmu = new ShellLauncher(StoreBackends.chosen(argv), "key_mgmt_util", KmuShell::completions, KmuShell::tool);
        String root = launcherRoot();
        Instant started = CLASS_LOADED;
        if (new ServiceFiles(data).running()) {
            err.println("cloudhsm_client: already running for " + data.root());
            return ServiceControl.NOT_RUNNING;
        }
        // Every served login (PKCS#11 C_Login, singlecmd) checks a password in this warm JVM, where the
        // JDK's HMAC on the CPU's SHA instructions is the faster way; the warm-up's login compiles it.
        Pbkdf2.useInThisProcess(Pbkdf2.JDK);
        WarmUp.run(kmu, data);
        Optional<ClientService> service = ClientService.serving(data)
                .tool(KMU, kmu)
                .tool(CLI, CliMain.served(run.keyAvailability()))
                .wayIn(new Pkcs11WayIn(kmu.stores(), data, cluster, run.pkcs11Availability()))
                .idleTimeout(Duration.ofMinutes(idleMinutes))
                .listenUntilExit() // the endpoint's process vouches for its port (docs/security.md)
                .launchersOf(root)
                .build(started, buildFiles(root))
                .start();
        if (service.isEmpty()) {
            err.println("cloudhsm_client: already running for " + data.root());
            return ServiceControl.NOT_RUNNING;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service.get()::close, "cloudhsm_client-shutdown"));
        Logger log = LoggerFactory.getLogger(ServiceMain.class); // not in a static field: main configures logging first
        log.info("serving {} on 127.0.0.1:{} (pid {})", data.root(), service.get().endpoint().port(),
                ProcessHandle.current().pid());
        service.get().awaitStop();
        log.info("stopped after {} calls", service.get().callsServed());
        return 0;
    }

    /**
     * The folder whose launchers may use the service, as they name it in the endpoint file: the project
     * folder (bin/cloudhsm_client sets it), or the installation folder of the installed product (the
     * physical parent of the native launcher's bin/, which lib/app/share/key_mgmt_util compares).
     */
    private static String launcherRoot() throws IOException {
        String root = System.getenv(ROOT_VARIABLE);
        if (root != null && !root.isEmpty()) {
            return root;
        }
        String appPath = System.getProperty(APP_PATH_PROPERTY);
        if (appPath == null || appPath.isEmpty()) {
            return "";
        }
        return Path.of(appPath).toRealPath().getParent().getParent().toString();
    }

    /**
     * What the service runs: its class path, and the launchers' choices of the project folder (bin/,
     * target/), or of the installation (its launchers in bin/ and lib/app: jars, native library, scripts).
     */
    private static List<Path> buildFiles(String root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            files.add(Path.of(entry));
        }
        if (!root.isEmpty() && System.getProperty(APP_PATH_PROPERTY) != null) {
            files.addAll(List.of(Path.of(root, "bin"), Path.of(root, "lib", "app")));
        } else if (!root.isEmpty()) {
            Path target = Path.of(root, "target");
            files.addAll(List.of(Path.of(root, "bin"), target.resolve("classes"), target.resolve("lib")));
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "hsm-key-console-*.jar")) {
                jars.forEach(files::add);
            }
        }
        return files;
    }

    private interface Verb {
        int run() throws IOException, InterruptedException;
    }

    private static int noOptions(List<String> options, Verb verb) throws IOException, InterruptedException {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", options));
        }
        return verb.run();
    }
}
