package io.hsmconsole.app;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;

/**
 * Start-up measurement for the bench: with {@code -Dhsmconsole.startupProbe=true} the console
 * prints how long after JVM start its first frame was laid out (with the phases before it) and
 * when the cluster overview was first shown; with {@code -Dhsmconsole.startupProbe=exit} it then
 * quits. Does nothing otherwise.
 */
final class StartupProbe {
    static final String PROPERTY = "hsmconsole.startupProbe";
    private static final StringBuilder PHASES = new StringBuilder();
    /** Held here: a binding only weakly referenced by what it observes could be collected before it fires. */
    private static ObservableBooleanValue readyCondition;

    private StartupProbe() {
    }

    /** Notes how long after JVM start a phase of start-up ended (printed with the first frame). */
    static void mark(String phase) {
        if (System.getProperty(PROPERTY) != null) {
            PHASES.append(' ').append(phase).append('=').append(sinceJvmStart());
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * Reports the first laid-out frame, then the first frame after {@code ready} turned true (the
     * cluster overview filled in); in exit mode quits after the second.
     */
    static void attach(Scene scene, ObservableBooleanValue ready) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) {
            return;
        }
        readyCondition = ready;
        onNextLayout(scene, laidOut -> {
            System.out.println("startup: first frame laid out " + laidOut + " ms after JVM start");
            whenTrue(ready, () -> onNextLayout(scene, shown -> {
                System.out.println("startup: cluster shown " + shown + " ms after JVM start (phases, ms:" + PHASES + ")");
                if ("exit".equals(mode)) {
                    Platform.exit();
                }
            }));
        });
    }

    /** After the next pulse in which the shown scene was laid out: the action, with ms since JVM start. */
    private static void onNextLayout(Scene scene, LongConsumer action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing() || scene.getWidth() == 0) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            long at = sinceJvmStart();
            Platform.runLater(() -> action.accept(at));
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static void whenTrue(ObservableBooleanValue condition, Runnable action) {
        if (condition.get()) {
            action.run();
            return;
        }
        condition.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (now) {
                    condition.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
