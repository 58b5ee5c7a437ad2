package io.hsmconsole.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicking a field that lies below the fold of a scrolling form, as a user does: scroll it into view
 * first. (A click on a hidden field's screen position lands on whatever is drawn there instead.)
 */
public final class FxScroll {
    private FxScroll() {
    }

    /** Scrolls the first node the query finds into view, then clicks it. */
    public static FxRobotInterface clickOn(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> intoView(node));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(node);
    }

    private static void intoView(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane pane && pane.getContent() != null) {
                Node content = pane.getContent();
                double scrollable = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                if (scrollable > 0) {
                    Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double target = (b.getMinY() - pane.getViewportBounds().getHeight() / 3) / scrollable;
                    pane.setVvalue(pane.getVmin() + Math.max(0, Math.min(1, target)) * (pane.getVmax() - pane.getVmin()));
                }
                return;
            }
        }
    }
}
