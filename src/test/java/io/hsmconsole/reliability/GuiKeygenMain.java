package io.hsmconsole.reliability;

import io.hsmconsole.app.ConsoleApp;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole desktop console, headless (Monocle), generating keys through its key form as a user
 * does — Ctrl+L to log in, Ctrl+N for the form, a label typed in, Generate pressed, the result read
 * off the form — in a process of its own so the crash test can kill it. Prints {@code ready} once
 * logged in, then {@code ack <handle> <nodes> <order>} for every key whose result the form shows.
 */
public final class GuiKeygenMain {
    private static final Pattern HANDLE = Pattern.compile("Key Handle: (\\d+)\\n");
    private static final Pattern NODE = Pattern.compile("Node id (\\d+) and err state 0x00000000");

    private GuiKeygenMain() {
    }

    /** Arguments: data folder, trial number. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        FxRobot robot = new FxRobot();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(ConsoleApp.class, "--data-dir", args[0]);
        waitUntil(() -> text(robot.lookup("#keyCountLabel").query()).startsWith("Token keys in the cluster:"));
        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitUntil(() -> window("Log in") != null);
        robot.targetWindow(window("Log in"));
        robot.write("example_user");
        robot.push(KeyCode.TAB);
        robot.write("example_pwd");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> text(robot.lookup(".status-user").query()).startsWith("User: example_user"));
        robot.targetWindow(window("HSM Key Console"));
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> window("New key") != null);
        Window form = window("New key");
        out.println("ready");
        String previous = "";
        for (int i = 0; ; i++) {
            KeyOrder order = new KeyOrder("gui" + args[1] + "-" + i, 31, 32, "", false, false, List.of(), 0, null, null);
            String before = previous;
            Button generate = (Button) form.getScene().lookup("#generateButton");
            onFx(() -> ((TextInputControl) form.getScene().lookup("#labelField")).setText(order.label()));
            waitUntil(() -> !generate.isDisabled()); // the form asks the simulator about the new label first
            onFx(generate::fire);
            waitUntil(() -> {
                String now = text(form.getScene().lookup("#resultText"));
                return !now.equals(before) && HANDLE.matcher(now).find();
            });
            previous = text(form.getScene().lookup("#resultText"));
            Matcher h = HANDLE.matcher(previous);
            h.find();
            List<Integer> nodes = new ArrayList<>();
            Matcher n = NODE.matcher(previous.substring(previous.indexOf("Cluster Error Status")));
            while (n.find()) {
                nodes.add(Integer.valueOf(n.group(1)));
            }
            out.println(Killed.ackLine(Long.parseLong(h.group(1)), nodes, order));
        }
    }

    /** Harness side: starts the console, kills it {@code delayMillis} after it is ready, returns what the form showed. */
    static Killed runAndKill(Path data, int trial, long delayMillis) throws InterruptedException {
        return Killed.runAndKill(GuiKeygenMain.class, data, List.of(data.toString(), String.valueOf(trial)), delayMillis);
    }

    private static String text(Node node) {
        if (node instanceof Label l) {
            return l.getText();
        }
        return node instanceof TextArea a ? a.getText() : "";
    }

    private static Window window(String titleStart) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titleStart) && w.isShowing()).findFirst().orElse(null);
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    /** Polls the condition on the FX thread (where the window's state lives) until it holds, for up to 60 s. */
    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            java.util.concurrent.CompletableFuture<Boolean> now = new java.util.concurrent.CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    now.complete(condition.call());
                } catch (Exception e) {
                    now.completeExceptionally(e);
                }
            });
            if (now.get(60, TimeUnit.SECONDS)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the console did not get there within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
