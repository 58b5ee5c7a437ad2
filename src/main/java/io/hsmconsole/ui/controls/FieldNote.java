package io.hsmconsole.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The line under a form field: its hint, replaced by the field's error (or warning) while there is
 * one. The message label sits over the hint in a {@code .field-note} stack and stays laid out when
 * empty, with room for two lines reserved (app.css): a message appearing or clearing never moves the
 * fields below it under the user's pointer.
 */
public final class FieldNote {
    private FieldNote() {
    }

    /**
     * Shows {@code error}, else {@code warning} (null: none; either text may be null or empty) in
     * {@code message}. Outside a {@code .field-note} stack the label simply takes no room while empty.
     */
    public static void bind(Label message, ObservableValue<String> error, ObservableValue<String> warningOrNull) {
        ObservableValue<String> warning = warningOrNull != null ? warningOrNull : new SimpleStringProperty("");
        BooleanBinding hasError = Bindings.createBooleanBinding(() -> present(error.getValue()), error);
        BooleanBinding hasWarning = Bindings.createBooleanBinding(() -> present(warning.getValue()), warning);
        message.textProperty().bind(Bindings.createStringBinding(() -> hasError.get() ? error.getValue()
                : hasWarning.get() ? warning.getValue() : "", hasError, hasWarning, error, warning));
        message.setMinHeight(Region.USE_PREF_SIZE);
        BooleanBinding showing = hasError.or(hasWarning);
        message.visibleProperty().bind(showing);
        boolean inNote = message.getParent() != null && message.getParent().getStyleClass().contains("field-note");
        if (!inNote) {
            message.managedProperty().bind(showing);
        }
        Runnable style = () -> {
            message.getStyleClass().removeAll("field-error", "field-warning");
            message.getStyleClass().add(hasError.get() || !hasWarning.get() ? "field-error" : "field-warning");
        };
        hasError.addListener(o -> style.run());
        hasWarning.addListener(o -> style.run());
        style.run();
        if (inNote) {
            for (Node sibling : message.getParent().getChildrenUnmodifiable()) {
                if (sibling != message) {
                    sibling.visibleProperty().bind(showing.not()); // the hint steps back, its room stays
                    if (sibling instanceof Region r) {
                        r.setMinHeight(Region.USE_PREF_SIZE);
                    }
                }
            }
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isEmpty();
    }
}
