package io.hsmconsole.bench;

import io.hsmconsole.app.ConsoleApp;
import io.hsmconsole.ui.controls.SecurePasswordField;
import io.hsmconsole.ui.keylist.KeyListItem;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs inside a fresh JVM started by {@link GuiBench}: starts the real console on a populated data
 * folder, logs in through the login dialog, waits for the key list to hold every key, then reports
 * heap and RSS, and times filter keystrokes from the text change to the end of the next pulse's
 * layout (the table shows the new rows in that frame).
 */
public final class GuiFilterProbe {
    private GuiFilterProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int keys = Integer.parseInt(args[1]);
        Thread app = new Thread(() -> Application.launch(ConsoleApp.class, "--data-dir", dataDir.toString()),
                "console");
        app.setDaemon(true);
        app.start();
        waitFor("main window", () -> stage("HSM Key Console") != null && lookup(stage("HSM Key Console"), "#loginButton") != null);

        // Not waited for: the dialog's showAndWait returns only when the dialog closes.
        Platform.runLater(() -> ((Button) lookup(stage("HSM Key Console"), "#loginButton")).fire());
        waitFor("login dialog", () -> stage("Log in") != null);
        long loginStart = System.nanoTime();
        onFx(() -> {
            Scene login = stage("Log in").getScene();
            ((TextField) login.lookup("#userField")).setText("example_user");
            ((SecurePasswordField) login.lookup("#passwordField")).replaceText(0, 0, "example_pwd");
            ((Button) login.lookup("#loginButton")).fire();
            return null;
        });
        // The key table joins the scene only once a crypto user is logged in.
        waitFor("key table", () -> lookup(stage("HSM Key Console"), "#table") != null);
        TableView<?> table = (TableView<?>) onFx(() -> lookup(stage("HSM Key Console"), "#table"));
        waitFor("key list", () -> table.getItems().size() == keys);
        System.out.printf("| log in -> key list holds %,d keys (one listKeys, filtered in memory) | %d ms | 1 |%n", keys,
                (System.nanoTime() - loginStart) / 1_000_000);

        memory(keys);
        String kcv = onFx(() -> table.getItems().stream().map(i -> ((KeyListItem) i).row().kcv())
                .filter(k -> !k.isEmpty()).skip(keys / 2).findFirst().orElseThrow());
        TextField filter = (TextField) onFx(() -> lookup(stage("HSM Key Console"), "#filterField"));
        List<Long> micros = new ArrayList<>();
        List<Long> filterOnly = new ArrayList<>();
        for (String query : List.of("gui-4321", kcv.substring(2), "alice", "3des")) {
            for (int i = 1; i <= query.length(); i++) {
                long[] t = keystroke(filter, query.substring(0, i));
                micros.add(t[0]);
                filterOnly.add(t[1]);
            }
            long[] t = keystroke(filter, "");
            micros.add(t[0]);
            filterOnly.add(t[1]);
        }
        int matches = onFx(() -> {
            filter.setText(kcv.substring(2));
            return table.getItems().size();
        });
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("| filter keystroke -> table updated, %,d keys (%d keystrokes) | median %.1f ms, p90 %.1f ms,"
                        + " max %.1f ms | %d |%n", keys, sorted.size(), sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() * 9 / 10) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0, sorted.size());
        List<Long> inMemory = filterOnly.stream().sorted().toList();
        System.out.printf("|   of which filtering and sorting in memory (the text change itself) | median %.1f ms, max %.1f ms"
                + " | %d |%n", inMemory.get(inMemory.size() / 2) / 1000.0, inMemory.get(inMemory.size() - 1) / 1000.0,
                inMemory.size());
        System.out.printf("| (check: the KCV filter finds %d key(s)) | | |%n", matches);
        Platform.exit();
    }

    /**
     * Microseconds from setting the filter text to the end of the layout of the next pulse, and of
     * the text change alone (the FilteredList/SortedList work).
     */
    private static long[] keystroke(TextField filter, String text) throws Exception {
        CountDownLatch laidOut = new CountDownLatch(1);
        long[] took = new long[2];
        Platform.runLater(() -> {
            long start = System.nanoTime();
            Scene scene = filter.getScene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                took[0] = (System.nanoTime() - start) / 1000;
                laidOut.countDown();
            };
            filter.setText(text);
            took[1] = (System.nanoTime() - start) / 1000;
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        if (!laidOut.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no pulse after typing '" + text + "'");
        }
        return took;
    }

    private static void memory(int keys) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: unknown").replaceAll("\\s+", " ");
        System.out.printf("| memory with %,d keys listed: heap used after GC / committed / process RSS | %d MiB / %d MiB /"
                + " %s | 1 |%n", keys, heap >> 20, committed >> 20, rss.replace("VmRSS: ", ""));
    }

    private static Stage stage(String titleStart) {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().startsWith(titleStart)).findFirst().orElse(null);
    }

    private static Node lookup(Stage stage, String selector) {
        return stage == null || stage.getScene() == null ? null : stage.getScene().lookup(selector);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(onFx(condition))) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the toolkit is not up yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out waiting for the " + what);
    }

}
