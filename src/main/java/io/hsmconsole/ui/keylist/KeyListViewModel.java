package io.hsmconsole.ui.keylist;

import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.hsm.AvailabilityQuorum;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The key list: every key the user can see, read once per change and then filtered and sorted in
 * memory (FilteredList under SortedList), so typing in the filter never goes back to the store.
 * One filter field searches every visible column; the quick toggles narrow to keys owned by me,
 * shared with me (either, when both are on) and session keys.
 */
public final class KeyListViewModel {
    private final KeyController keys;
    private final Messages messages;
    private final DialogService dialogs;
    private final HsmErrors errors;
    private final ObservableList<KeyListItem> items = FXCollections.observableArrayList();
    private final FilteredList<KeyListItem> filtered = new FilteredList<>(items);
    private final SortedList<KeyListItem> sorted = new SortedList<>(filtered);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty ownedByMe = new SimpleBooleanProperty(this, "ownedByMe");
    private final BooleanProperty sharedWithMe = new SimpleBooleanProperty(this, "sharedWithMe");
    private final BooleanProperty sessionOnly = new SimpleBooleanProperty(this, "sessionOnly");
    private final Map<KeyColumn, BooleanProperty> columnVisible = new EnumMap<>(KeyColumn.class);
    private final ObjectProperty<KeyRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<SelectionRequest> selectionRequest =
            new ReadOnlyObjectWrapper<>(this, "selectionRequest");
    private final ObservableList<Long> selectedHandles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private boolean loading;
    private boolean reloadAgain;
    private Long pendingSelection;

    public KeyListViewModel(KeyController keys, Messages messages, DialogService dialogs) {
        this.keys = keys;
        this.messages = messages;
        this.dialogs = dialogs;
        this.errors = new HsmErrors(messages);
        for (KeyColumn c : KeyColumn.values()) {
            BooleanProperty visible = new SimpleBooleanProperty(this, c.name(), true);
            visible.addListener((obs, old, now) -> rebuildHaystacks());
            columnVisible.put(c, visible);
        }
        filterText.addListener((obs, old, now) -> applyFilter());
        ownedByMe.addListener((obs, old, now) -> applyFilter());
        sharedWithMe.addListener((obs, old, now) -> applyFilter());
        sessionOnly.addListener((obs, old, now) -> applyFilter());
        filtered.addListener((javafx.collections.ListChangeListener<KeyListItem>) c -> updateCount());
        keys.addKeysChangedListener(this::reload);
    }

    /** Re-reads the keys (once more after the current read, if one is running). */
    public void reload() {
        if (loading) {
            reloadAgain = true;
            return;
        }
        loading = true;
        keys.listKeys(this::loaded);
    }

    private void loaded(HsmResult<List<KeyRow>> result) {
        loading = false;
        if (result.isSuccess()) {
            show(result.value());
        } else {
            dialogs.showError(errors.report("listKeys", result));
        }
        if (reloadAgain) {
            reloadAgain = false;
            reload();
        }
    }

    /**
     * Shows the rows of a new read, touching only the items of keys that changed ({@link KeyListEdits}:
     * a row that is the same object as before keeps its item). A key waiting to be selected (a new one)
     * is selected and revealed once it is there; otherwise every key selected before stays selected (a
     * re-read must not undo a multiple selection).
     */
    void show(List<KeyRow> rows) {
        List<Long> keep = List.copyOf(selectedHandles);
        new KeyListEdits(items, rows, r -> new KeyListItem(r, haystack(r))).apply(items);
        updateCount();
        if (pendingSelection != null && holds(rows, pendingSelection)) {
            request(new SelectionRequest(List.of(pendingSelection), true));
            pendingSelection = null;
        } else if (!keep.isEmpty()) {
            request(new SelectionRequest(stillThere(keep, rows), false));
        }
    }

    /** The kept handles the rows still hold, in their order (a scan per handle while they are few). */
    private static List<Long> stillThere(List<Long> keep, List<KeyRow> rows) {
        if (keep.size() <= 16) {
            return keep.stream().filter(h -> holds(rows, h)).toList();
        }
        java.util.Set<Long> wanted = new java.util.HashSet<>(keep);
        java.util.Set<Long> found = new java.util.HashSet<>();
        for (KeyRow r : rows) {
            if (wanted.contains(r.handle())) {
                found.add(r.handle());
            }
        }
        return keep.stream().filter(found::contains).toList();
    }

    private static boolean holds(List<KeyRow> rows, long handle) {
        for (KeyRow r : rows) {
            if (r.handle() == handle) {
                return true;
            }
        }
        return false;
    }

    /** Asks the view to select; fired even when equal to the last request (the rows were replaced). */
    private void request(SelectionRequest request) {
        selectionRequest.set(null);
        selectionRequest.set(request);
    }

    /** Empties the list (logout: the keys, session keys included, are no longer visible). */
    public void clear() {
        items.clear();
        selected.set(null);
        updateCount();
    }

    /** Selects the key with this handle, now or as soon as the list holds it. */
    public void select(long handle) {
        pendingSelection = handle;
        if (items.stream().anyMatch(i -> i.row().handle() == handle)) {
            pendingSelection = null;
            request(new SelectionRequest(List.of(handle), true));
        }
    }

    private String haystack(KeyRow row) {
        StringBuilder text = new StringBuilder();
        for (KeyColumn c : KeyColumn.values()) {
            if (columnVisible.get(c).get()) {
                text.append(c.text(row, messages)).append(KeyListItem.SEPARATOR);
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private void rebuildHaystacks() {
        for (KeyListItem item : items) {
            item.haystack(haystack(item.row()));
        }
        applyFilter();
    }

    private void applyFilter() {
        String query = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        boolean owned = ownedByMe.get();
        boolean shared = sharedWithMe.get();
        boolean session = sessionOnly.get();
        Predicate<KeyListItem> p = item -> {
            KeyRow r = item.row();
            if ((owned || shared) && !((owned && r.ownedByMe()) || (shared && r.sharedWithMe()))) {
                return false;
            }
            if (session && r.token()) {
                return false;
            }
            return query.isEmpty() || item.haystack().contains(query);
        };
        filtered.setPredicate(p);
    }

    private void updateCount() {
        countText.set(messages.format("keylist.count", filtered.size(), items.size()));
    }

    /** The rows to show, filtered and (once the table binds its comparator) sorted. */
    public SortedList<KeyListItem> rows() {
        return sorted;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty ownedByMeProperty() {
        return ownedByMe;
    }

    public BooleanProperty sharedWithMeProperty() {
        return sharedWithMe;
    }

    public BooleanProperty sessionOnlyProperty() {
        return sessionOnly;
    }

    public BooleanProperty columnVisibleProperty(KeyColumn column) {
        return columnVisible.get(column);
    }

    /** The key the table has selected (the view keeps it current). */
    public ObjectProperty<KeyRow> selectedProperty() {
        return selected;
    }

    /** The view selects these keys whenever it is set (and scrolls to them when asked to). */
    public ReadOnlyObjectProperty<SelectionRequest> selectionRequestProperty() {
        return selectionRequest.getReadOnlyProperty();
    }

    /** The handles the table has selected (the view keeps it current). */
    public ObservableList<Long> selectedHandles() {
        return selectedHandles;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /**
     * The coverage cell's tooltip: which nodes hold the key and, for a key below Client SDK 5's key
     * availability quorum (the simulator's answer in the row), why SDK 5 applications cannot use it now.
     */
    public String coverageTip(KeyRow row) {
        String held = messages.format("keylist.coverage.tooltip", row.coverage(),
                row.nodesHolding().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return row.belowAvailabilityQuorum()
                ? held + "\n" + messages.format("keylist.coverage.belowQuorum", AvailabilityQuorum.REQUIREMENT) : held;
    }

    public String text(KeyColumn column, KeyRow row) {
        return column.text(row, messages);
    }
}
