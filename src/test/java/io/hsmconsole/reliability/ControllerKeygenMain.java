package io.hsmconsole.reliability;

import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import io.hsmconsole.ui.common.FxTaskRunner;
import javafx.application.Platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * The console's controller layer generating keys, as the key form does, in a process of its own so
 * it can be killed: JavaFX's toolkit (headless Monocle) and the console's real task runner
 * ({@link FxTaskRunner}: work on background threads, results on the FX thread), the session and key
 * controllers over the data folder. Prints {@code ready} once logged in, then one line per result
 * the form would show: {@code ack <handle> <nodes> <order>} or {@code refused <code> <order>};
 * {@code error …} for anything the console would show as an error dialog.
 */
public final class ControllerKeygenMain {
    private ControllerKeygenMain() {
    }

    /** Arguments: data folder, trial number, seed. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path data = Path.of(args[0]);
        String trial = args[1];
        Random random = new Random(Long.parseLong(args[2]));
        CountDownLatch toolkit = new CountDownLatch(1);
        Platform.startup(toolkit::countDown);
        toolkit.await();
        FxTaskRunner runner = new FxTaskRunner();
        ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(data), HsmClock.SYSTEM);
        Platform.runLater(() -> {
            Workspace workspace = new Workspace(catalog, catalog.open(ClusterCatalog.DEMO_CLUSTER));
            SessionController sessions = new SessionController(workspace, runner, e -> out.println("error " + e));
            KeyController keys = new KeyController(workspace, runner, e -> out.println("error " + e));
            sessions.login(ClusterCatalog.DEMO_CLUSTER, "example_user", "example_pwd".toCharArray(), outcome -> {
                out.println(outcome.result().isSuccess() ? "ready" : "error login " + outcome.result().code());
                generate(keys, trial, random, 0, out);
            });
        });
        new CountDownLatch(1).await(); // until killed
    }

    private static void generate(KeyController keys, String trial, Random random, int i, PrintStream out) {
        KeyOrder order = KeyOrder.random(random, "g" + trial + "-" + i, true);
        keys.generate(order.request(), order.kmuLine(), progress -> { }, result -> {
            if (result.isSuccess()) {
                out.println(Killed.ackLine(result.value().handle(), result.nodes().stream()
                        .filter(n -> n.code().isSuccess()).map(NodeResult::nodeId).toList(), order));
            } else {
                out.println("refused " + result.code() + " " + order.encode());
            }
            generate(keys, trial, random, i + 1, out);
        });
    }

    /** Harness side: starts the process, kills it {@code delayMillis} after it is ready, returns what it acknowledged. */
    static Killed runAndKill(Path data, int trial, long seed, long delayMillis) throws InterruptedException {
        return Killed.runAndKill(ControllerKeygenMain.class, data, List.of(data.toString(), String.valueOf(trial),
                String.valueOf(seed)), delayMillis);
    }
}
