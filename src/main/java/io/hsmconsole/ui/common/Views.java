package io.hsmconsole.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Loads a view's FXML (next to its class, same name) with the console's resource bundle, using the
 * view object itself as the FXML controller: the FXML declares the layout, the class only binds.
 */
public final class Views {
    private Views() {
    }

    /** A window of the console over {@code owner}: titled, themed, modal to it when asked. */
    public static Stage window(Window owner, String title, Parent root, Themes themes, boolean modal) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        if (modal) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        // Its preferred size, but never larger than the screen (a 900x600 screen, or 200 % scaling).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = root.prefWidth(-1);
        double height = root.prefHeight(Math.min(width, screen.getWidth()));
        Scene scene = width <= screen.getWidth() && height <= screen.getHeight() ? new Scene(root)
                : new Scene(root, Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
        themes.register(scene);
        stage.setScene(scene);
        return stage;
    }

    /** A read-only table column showing {@code value} of each row. */
    public static <S, T> void column(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    public static Parent load(Object view, Messages messages) {
        String name = view.getClass().getSimpleName().replaceFirst("View$", "") + ".fxml";
        FXMLLoader loader = new FXMLLoader(view.getClass().getResource(name), messages.bundle());
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }

    /** Shows a choice by {@code text}; choices are picked, never typed. */
    public static <T> javafx.util.StringConverter<T> converter(Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are not typed");
            }
        };
    }

    /** Shows the nodes, and gives them room, only while {@code condition} holds. */
    public static void showWhen(javafx.beans.value.ObservableBooleanValue condition, javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            n.visibleProperty().bind(condition);
            n.managedProperty().bind(condition);
        }
    }

    /** Puts the text on the system clipboard (a Copy button's action). */
    public static void copy(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }
}
