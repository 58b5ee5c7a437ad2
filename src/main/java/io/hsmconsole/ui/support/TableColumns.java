package io.hsmconsole.ui.support;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Read-only table columns whose cells show a value computed from the row. */
public final class TableColumns {
    private TableColumns() {
    }

    public static <S> void text(TableColumn<S, Object> column, Function<S, Object> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }
}
