package io.hsmconsole.ui.sharing;

import io.hsmconsole.controller.UserRef;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Views;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.CheckListView;

/**
 * The sharing picker: a search field over a ControlsFX {@link CheckListView} of crypto users. The
 * view model holds the ticks; this view feeds the check list its own copy of the visible users and
 * re-applies the ticks after every search, because the check list's model is index-based and would
 * otherwise lose ticks on rows the search hides.
 */
public final class SharingView {
    private final SharingViewModel viewModel;
    private final Parent root;
    private final ObservableList<UserRef> visible = FXCollections.observableArrayList();
    private boolean syncing;

    @FXML private Label searchLabel;
    @FXML private TextField searchField;
    @FXML private CheckListView<UserRef> userList;
    @FXML private Label summaryLabel;

    public SharingView(SharingViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.root = Views.load(this, messages);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        userList.setItems(visible);
        // Tab should land on the list, not on a check box inside a recycled cell; Space ticks instead.
        userList.setCellFactory(list -> {
            CheckBoxListCell<UserRef> cell = new CheckBoxListCell<>(userList::getItemBooleanProperty);
            cell.graphicProperty().addListener((obs, old, graphic) -> {
                if (graphic != null) {
                    graphic.setFocusTraversable(false);
                }
            });
            return cell;
        });
        userList.getCheckModel().getCheckedItems().addListener((ListChangeListener<UserRef>) c -> {
            if (syncing) {
                return;
            }
            while (c.next()) {
                c.getAddedSubList().forEach(u -> viewModel.setChecked(u, true));
                c.getRemoved().forEach(u -> viewModel.setChecked(u, false));
            }
        });
        // Space ticks or unticks the focused user, so the picker works without a mouse.
        userList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            UserRef focused = userList.getFocusModel().getFocusedItem();
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && focused != null) {
                viewModel.setChecked(focused, !viewModel.isChecked(focused));
                e.consume();
            }
        });
        userList.focusedProperty().addListener((obs, old, focused) -> {
            if (focused && userList.getFocusModel().getFocusedIndex() < 0 && !visible.isEmpty()) {
                userList.getFocusModel().focus(0); // so that Space has a user to tick right away
            }
        });
        viewModel.shown().addListener((ListChangeListener<UserRef>) c -> sync());
        viewModel.checked().addListener((ListChangeListener<UserRef>) c -> {
            if (!syncing) {
                sync();
            }
        });
        sync();
    }

    private void sync() {
        syncing = true;
        try {
            // Clear before replacing: the check model is index-based and trips over indices past the end.
            userList.getCheckModel().clearChecks();
            if (!visible.equals(viewModel.shown())) {
                visible.setAll(viewModel.shown()); // only after a search: keeps focus while ticking
            }
            for (UserRef u : visible) {
                if (viewModel.isChecked(u)) {
                    userList.getCheckModel().check(u);
                }
            }
        } finally {
            syncing = false;
        }
    }

    public void focus() {
        userList.requestFocus();
    }
}
