package io.hsmconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Waiting in TestFX tests for what background work and the cluster watcher deliver. */
public final class FxWait {
    private FxWait() {
    }

    /** Waits (up to 10 s, generous for a loaded 2-core machine) until the condition holds. */
    public static void until(Callable<Boolean> condition) {
        until(condition, () -> "");
    }

    /** As {@link #until(Callable)}, saying what the screen showed when it gave up. */
    public static void until(Callable<Boolean> condition, java.util.function.Supplier<String> shown) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (Exception e) {
            throw new AssertionError("condition not met within 10 s; " + shown.get(), e);
        }
    }

    /** The text of a labeled node (label, button), or "" when it is not there. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(FxWait::textOf).orElse("");
    }

    private static String textOf(Node node) {
        return node instanceof Labeled l ? l.getText() : "";
    }
}
