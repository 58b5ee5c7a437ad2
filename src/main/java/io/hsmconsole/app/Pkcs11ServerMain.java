package io.hsmconsole.app;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.pkcs11.server.ClientModule;
import io.hsmconsole.pkcs11.server.Pkcs11Server;
import io.hsmconsole.shell.ClusterOpener;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code pkcs11_server [--data-dir DIR] [--cluster NAME] [--socket PATH]}: serves the cluster over
 * p11-kit's RPC protocol until stopped (SIGTERM or Ctrl-C), for applications that load
 * p11-kit-client.so. The socket defaults to {@code <data folder>/service/pkcs11.sock}. On start it
 * prints the two lines a shell evaluates to point an application at it (docs/pkcs11.md).
 */
public final class Pkcs11ServerMain {
    private static final String USAGE = "usage: pkcs11_server [--data-dir DIR] [--cluster NAME] [--socket PATH]";

    private Pkcs11ServerMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err, new CountDownLatch(1));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Serves until {@code stop} counts down (the shutdown hook does, on SIGTERM). */
    static int run(String[] argv, PrintStream out, PrintStream err, CountDownLatch stop) {
        try {
            StartupOptions options = StartupOptions.parse(Arrays.asList(argv), System.getenv());
            List<String> rest = options.rest();
            if (rest.equals(List.of("--help"))) {
                out.println(USAGE);
                return 0;
            }
            DataDirectory data = DataDirectory.fromSystem(options.dataDir());
            Path socket = socketOption(rest).orElse(defaultSocket(data));
            HsmCluster cluster = ClusterOpener.open(new ClusterCatalog(data, HsmClock.SYSTEM), options.cluster());
            Pkcs11Server server = new Pkcs11Server(cluster, socket);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                cluster.close();
                stop.countDown();
            }, "pkcs11-stop"));
            out.println("# PKCS#11 endpoint for cluster " + cluster.name() + "; point an application at it with:");
            out.println("export P11_KIT_SERVER_ADDRESS=unix:path=" + server.socket());
            ClientModule.find().ifPresentOrElse(m -> out.println("export HSM_CONSOLE_PKCS11_MODULE=" + m),
                    () -> out.println("# p11-kit-client.so not found: install p11-kit-modules (Debian) or p11-kit (Fedora)"));
            out.flush();
            stop.await();
            return 0;
        } catch (StartupOptions.UsageException | IllegalArgumentException e) {
            err.println("pkcs11_server: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | StoreException e) {
            err.println("pkcs11_server: error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Where the endpoint listens by default: inside the data folder's owner-only service folder. */
    static Path defaultSocket(DataDirectory data) {
        return data.root().resolve("service").resolve("pkcs11.sock");
    }

    private static java.util.Optional<Path> socketOption(List<String> rest) {
        if (rest.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (rest.size() == 2 && rest.get(0).equals("--socket")) {
            return java.util.Optional.of(Path.of(rest.get(1)));
        }
        throw new IllegalArgumentException("unexpected arguments " + rest);
    }
}
