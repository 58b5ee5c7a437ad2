package io.hsmconsole.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The smallest sizes at which each part of a window stays usable, so that a small window (900×600,
 * or a large one at 200 %) squeezes the parts' spare room and never a part itself: a table keeps its
 * header and a few rows, a column its whole header. Sizes follow the font (em), as app.css does.
 */
public final class MinimumSizes {
    /** The main window's smallest size (in the screen's logical pixels), where every part was checked. */
    public static final double WINDOW_WIDTH = 900;
    public static final double WINDOW_HEIGHT = 600;

    private MinimumSizes() {
    }

    /** One em of the console's font, in pixels: the unit app.css measures in. */
    public static double em() {
        return Font.getDefault().getSize();
    }

    /**
     * A table never shrinks below its header and {@code rows} rows (with a horizontal scroll bar's
     * room), and none of its columns below its header's text.
     */
    public static void table(TableView<?> table, int rows) {
        double row = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 2 * em();
        table.setMinHeight(headerHeight() + rows * row + 1.2 * em());
        headersNeverCut(table);
    }

    /** Each column at least as wide as its header text (bold, as Modena draws it) and the sort arrow. */
    public static void headersNeverCut(TableView<?> table) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.setMinWidth(Math.max(column.getMinWidth(), headerWidth(column.getText())));
        }
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<?, ?>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(col -> col.setMinWidth(Math.max(col.getMinWidth(), headerWidth(col.getText()))));
            }
        });
    }

    /**
     * A main window's minimum: {@link #WINDOW_WIDTH}×{@link #WINDOW_HEIGHT}, or the screen when it is
     * smaller; and its first size, the scene's preferred one, kept on the screen.
     */
    public static void window(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(WINDOW_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(WINDOW_HEIGHT, screen.getHeight()));
        if (stage.getScene() != null && stage.getScene().getRoot() != null) {
            javafx.scene.Parent root = stage.getScene().getRoot();
            double width = root.prefWidth(-1);
            double height = root.prefHeight(width);
            if (width > screen.getWidth() || height > screen.getHeight()) {
                stage.setWidth(Math.min(width, screen.getWidth()));
                stage.setHeight(Math.min(height, screen.getHeight()));
            }
        }
    }

    static double headerWidth(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measure = new Text(text);
        measure.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
        return Math.ceil(measure.getLayoutBounds().getWidth() + 2.2 * em());
    }

    /** The width of {@code sample} in the console's font, with cell padding. */
    public static double textWidth(String sample) {
        Text measure = new Text(sample);
        measure.setFont(Font.getDefault());
        return Math.ceil(measure.getLayoutBounds().getWidth() + 1.5 * em());
    }

    /** The width of {@code sample} in the console's monospaced font (app.css .mono), with cell padding. */
    public static double monoWidth(String sample) {
        Text measure = new Text(sample);
        measure.setFont(Font.font("DejaVu Sans Mono", Font.getDefault().getSize()));
        return Math.ceil(measure.getLayoutBounds().getWidth() + 1.5 * em());
    }

    private static double headerHeight() {
        return 2 * em();
    }
}
