package io.hsmconsole.ui.inspector;

import io.hsmconsole.ui.common.MinimumSizes;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Where the attribute table shows what an attribute means. Where the table is wide enough it is a
 * column; in a narrow window (900 px) the other columns, which are never cut, leave it too little
 * room and it would need a horizontal scroll bar, so it moves to a wrapped line under the table: the
 * meaning of the selected attribute, whole.
 */
final class MeaningPlacement {
    /** The least width, in em, at which the meaning column still reads as sentences. */
    static final double COLUMN_MIN_EM = 16;

    private MeaningPlacement() {
    }

    static void keepInView(TableView<AttributeRowModel> table, TableColumn<AttributeRowModel, ?> meaningColumn,
                           Label line, String pickOne) {
        Runnable place = () -> {
            double others = table.getColumns().stream().filter(c -> c != meaningColumn)
                    .mapToDouble(TableColumn::getMinWidth).sum();
            // the vertical scroll bar and the table's border take about 1.5 em
            boolean room = table.getWidth() - others - 1.5 * MinimumSizes.em() >= COLUMN_MIN_EM * MinimumSizes.em();
            meaningColumn.setVisible(room);
            line.setVisible(!room);
            line.setManaged(!room);
        };
        table.widthProperty().addListener((obs, old, now) -> place.run());
        table.getColumns().forEach(c -> c.minWidthProperty().addListener((obs, old, now) -> place.run()));
        ObservableValue<AttributeRowModel> selected = table.getSelectionModel().selectedItemProperty();
        line.textProperty().bind(Bindings.createStringBinding(() -> selected.getValue() == null ? pickOne
                : selected.getValue().constantName() + ": " + selected.getValue().meaning(), selected));
        place.run();
    }
}
