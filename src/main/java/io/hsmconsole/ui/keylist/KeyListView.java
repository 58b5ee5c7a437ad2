package io.hsmconsole.ui.keylist;

import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.MinimumSizes;
import io.hsmconsole.ui.common.Views;
import io.hsmconsole.ui.controls.CoverageView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The key table with its filter field, quick toggles and column chooser (the table's own column
 * menu, and the View menu's items from {@link #columnMenuItems()}). Binds only.
 */
public final class KeyListView {
    private final KeyListViewModel viewModel;
    private final Messages messages;
    private final Runnable onNewKey;
    private final Parent root;

    @FXML private Label filterLabel;
    @FXML private TextField filterField;
    @FXML private ToggleButton ownedToggle;
    @FXML private ToggleButton sharedToggle;
    @FXML private ToggleButton sessionToggle;
    @FXML private Button newKeyButton;
    @FXML private Button refreshButton;
    @FXML private TableView<KeyListItem> table;
    @FXML private Label countLabel;

    public KeyListView(KeyListViewModel viewModel, Messages messages, Runnable onNewKey) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.onNewKey = onNewKey;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        ownedToggle.selectedProperty().bindBidirectional(viewModel.ownedByMeProperty());
        sharedToggle.selectedProperty().bindBidirectional(viewModel.sharedWithMeProperty());
        sessionToggle.selectedProperty().bindBidirectional(viewModel.sessionOnlyProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());
        newKeyButton.setOnAction(e -> onNewKey.run());
        refreshButton.setOnAction(e -> viewModel.reload());

        for (KeyColumn c : KeyColumn.values()) {
            table.getColumns().add(column(c));
        }
        MinimumSizes.table(table, 3);
        table.setItems(viewModel.rows());
        table.setRowFactory(t -> new KeyRowCell());
        viewModel.rows().comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.selectedProperty().set(now == null ? null : now.row()));
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<KeyListItem>) c ->
                viewModel.selectedHandles().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(i -> i.row().handle()).toList()));
        viewModel.selectionRequestProperty().addListener((obs, old, request) -> select(request));
    }

    private TableColumn<KeyListItem, Object> column(KeyColumn c) {
        TableColumn<KeyListItem, Object> column = new TableColumn<>(messages.get(c.messageKey()));
        column.setId("column-" + c.name().toLowerCase(java.util.Locale.ROOT));
        column.visibleProperty().bindBidirectional(viewModel.columnVisibleProperty(c));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(c.sortValue(cell.getValue().row())));
        column.setCellFactory(col -> c == KeyColumn.COVERAGE ? new CoverageCell() : new TextCell(c));
        column.setPrefWidth(switch (c) {
            case HANDLE, KCV -> 80;
            case SIZE, M_VALUE, STORAGE -> 70;
            case ID, EXTRACTABLE, COVERAGE -> 90;
            case TYPE -> 140;
            case LABEL, OWNER -> 130;
            case SHARED -> 160;
        });
        return column;
    }

    private void select(SelectionRequest request) {
        if (request == null) {
            return;
        }
        ObservableList<KeyListItem> rows = table.getItems();
        table.getSelectionModel().clearSelection();
        int first = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (request.handles().contains(rows.get(i).row().handle())) {
                table.getSelectionModel().select(i);
                first = first < 0 ? i : first;
            }
        }
        if (request.reveal() && first >= 0) {
            table.scrollTo(Math.max(0, first - 3));
        }
    }

    /** View menu items, one per column, showing and hiding it. */
    public List<CheckMenuItem> columnMenuItems() {
        List<CheckMenuItem> items = new ArrayList<>();
        for (KeyColumn c : KeyColumn.values()) {
            CheckMenuItem item = new CheckMenuItem(messages.get(c.messageKey()));
            item.setMnemonicParsing(false); // "m_value" is a name, not a mnemonic
            item.selectedProperty().bindBidirectional(viewModel.columnVisibleProperty(c));
            items.add(item);
        }
        return items;
    }

    /** The rows selected in the table (several for a comparison). */
    public List<KeyRow> selectedRows() {
        return table.getSelectionModel().getSelectedItems().stream().map(KeyListItem::row)
                .collect(Collectors.toList());
    }

    public void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    public void focusTable() {
        table.requestFocus();
    }

    private static KeyListItem itemAt(TableCell<KeyListItem, Object> cell, boolean empty) {
        int i = cell.getIndex();
        List<KeyListItem> items = cell.getTableView() == null ? List.of() : cell.getTableView().getItems();
        return empty || i < 0 || i >= items.size() ? null : items.get(i);
    }

    private final class TextCell extends TableCell<KeyListItem, Object> {
        private final KeyColumn column;

        TextCell(KeyColumn column) {
            this.column = column;
        }

        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            KeyListItem item = itemAt(this, empty);
            setText(item == null ? null : viewModel.text(column, item.row()));
        }
    }

    /** Marks another user's public key (seen because every crypto user sees public keys) as not this user's. */
    private final class KeyRowCell extends javafx.scene.control.TableRow<KeyListItem> {
        @Override
        protected void updateItem(KeyListItem item, boolean empty) {
            super.updateItem(item, empty);
            boolean notMine = !empty && item != null && item.row().seenAsPublic();
            getStyleClass().remove("not-mine");
            if (notMine) {
                getStyleClass().add("not-mine");
            }
            setTooltip(notMine ? new Tooltip(messages.format("keylist.notMine.tip", item.row().owner().name())) : null);
        }
    }

    private final class CoverageCell extends TableCell<KeyListItem, Object> {
        private final CoverageView view = new CoverageView();

        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            KeyListItem item = itemAt(this, empty);
            if (item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            KeyRow r = item.row();
            view.show(r.nodesHolding(), r.clusterNodes(),
                    r.belowAvailabilityQuorum() ? messages.get("keylist.coverage.belowQuorum.access") : null);
            setGraphic(view);
            setTooltip(new Tooltip(viewModel.coverageTip(r)));
        }
    }
}
