package io.hsmconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * A control that cannot work now is disabled and says why: the reason (the simulator's refusal in
 * words, or what is missing) is its tooltip and its accessible help. Empty reason = enabled.
 */
public final class WhyDisabled {
    private WhyDisabled() {
    }

    /**
     * Binds {@code control} to {@code reason}. A disabled control receives no mouse events, so its own
     * tooltip would never show: the control is wrapped (in its place) in a pane that shows it instead.
     */
    public static void bind(Control control, ObservableStringValue reason) {
        control.disableProperty().bind(Bindings.isNotEmpty(reason));
        control.accessibleHelpProperty().bind(reason);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(reason);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Parent parent = control.getParent();
        if (parent instanceof Pane pane && !(parent instanceof StackPane && parent.getStyleClass().contains("why-disabled"))) {
            int at = pane.getChildren().indexOf(control);
            StackPane wrapper = new StackPane();
            wrapper.getStyleClass().add("why-disabled");
            wrapper.setMaxWidth(control.getMaxWidth());
            pane.getChildren().set(at, wrapper);
            wrapper.getChildren().add(control);
            Tooltip.install(wrapper, tip);
        } else {
            control.setTooltip(tip);
        }
    }
}
