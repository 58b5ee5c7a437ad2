package io.hsmconsole.reliability;

import io.hsmconsole.controller.FxTaskRunner;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.store.DataDirectory;
import javafx.application.Platform;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

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
        ClusterCatalog catalog = new ClusterCatalog(new DataDirectory(data), HsmClock.SYSTEM);
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
                String nodes = result.nodes().stream().filter(n -> n.code().isSuccess()).map(NodeResult::nodeId)
                        .map(String::valueOf).collect(Collectors.joining(","));
                out.println("ack " + result.value().handle() + " " + (nodes.isEmpty() ? "-" : nodes) + " " + order.encode());
            } else {
                out.println("refused " + result.code() + " " + order.encode());
            }
            generate(keys, trial, random, i + 1, out);
        });
    }

    /** Harness side: starts the process, kills it {@code delayMillis} after it is ready, returns what it acknowledged. */
    static Killed runAndKill(Path data, int trial, long seed, long delayMillis) throws InterruptedException {
        try (ShellProcess console = ShellProcess.startJava(ControllerKeygenMain.class, data,
                List.of(data.toString(), String.valueOf(trial), String.valueOf(seed)))) {
            if (!console.awaitText("ready\n", Duration.ofSeconds(120))) {
                throw new IllegalStateException("the console process did not log in:\n" + console.everything());
            }
            Thread.sleep(delayMillis);
            String output = console.killAndCollect();
            List<Acknowledged> acks = new ArrayList<>();
            // Only whole lines count: the last one may have been cut by the kill.
            for (String line : output.substring(0, output.lastIndexOf('\n') + 1).split("\n")) {
                assertThat(line).as("console process output").doesNotStartWith("error").doesNotStartWith("refused");
                String[] f = line.split(" ");
                if (f.length == 4 && f[0].equals("ack")) {
                    List<Integer> nodes = f[2].equals("-") ? List.of()
                            : Arrays.stream(f[2].split(",")).map(Integer::valueOf).toList();
                    acks.add(new Acknowledged(Long.parseLong(f[1]), KeyOrder.decode(f[3]), nodes));
                }
            }
            return Killed.of(acks, output);
        }
    }
}
