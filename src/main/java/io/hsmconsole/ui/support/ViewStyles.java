package io.hsmconsole.ui.support;

import javafx.scene.Parent;

/**
 * The stylesheet of the cluster, users, audit and quorum screens, added to each screen's root. It
 * only uses the theme's colours (Modena's and app.css's looked-up colours), so light and dark both work.
 */
public final class ViewStyles {
    private static final String SHEET = ViewStyles.class.getResource("views.css").toExternalForm();

    private ViewStyles() {
    }

    public static <P extends Parent> P apply(P root) {
        if (!root.getStylesheets().contains(SHEET)) {
            root.getStylesheets().add(SHEET);
        }
        return root;
    }
}
