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
        searchLabel.setLabelFor(searchField);
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        userList.setItems(visible);
        userList.getCheckModel().getCheckedItems().addListener((ListChangeListener<UserRef>) c -> {
            if (syncing) {
                return;
            }
            while (c.next()) {
                c.getAddedSubList().forEach(u -> viewModel.setChecked(u, true));
                c.getRemoved().forEach(u -> viewModel.setChecked(u, false));
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
            visible.setAll(viewModel.shown());
            userList.getCheckModel().clearChecks();
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
