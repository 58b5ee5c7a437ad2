package io.hsmconsole.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The floor under the console's start-up figure on this machine: a JavaFX window with one label,
 * started the same way (class path, fresh JVM) and measured the same way (first frame laid out).
 */
public final class BaselineWindow extends Application {

    /** A plain main class: the JVM will not start an Application subclass from the class path. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BaselineWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("baseline"), 1240, 760);
        stage.setScene(scene);
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!stage.isShowing()) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            Platform.runLater(() -> {
                System.out.println("startup: first frame laid out " + sinceJvmStart + " ms after JVM start");
                Platform.exit();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        stage.show();
    }
}
