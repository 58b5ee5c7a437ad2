package io.hsmconsole.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads a view's FXML (next to its class, same name) with the console's resource bundle, using the
 * view object itself as the FXML controller: the FXML declares the layout, the class only binds.
 */
public final class Views {
    private Views() {
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
}
