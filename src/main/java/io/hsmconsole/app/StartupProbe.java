package io.hsmconsole.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Start-up measurement for the bench: with {@code -Dhsmconsole.startupProbe=true} the console
 * prints how long after JVM start its first frame was laid out and handed to the renderer, and
 * with {@code -Dhsmconsole.startupProbe=exit} it then quits. Does nothing otherwise.
 */
final class StartupProbe {
    static final String PROPERTY = "hsmconsole.startupProbe";

    private StartupProbe() {
    }

    static void attach(Scene scene) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing() || scene.getWidth() == 0) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            // The frame is rendered right after this pulse; the next pulse is proof it went out.
            Platform.runLater(() -> {
                System.out.println("startup: first frame laid out " + sinceJvmStart + " ms after JVM start");
                if ("exit".equals(mode)) {
                    Platform.exit();
                }
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
