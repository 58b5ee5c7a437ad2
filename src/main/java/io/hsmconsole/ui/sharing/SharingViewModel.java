package io.hsmconsole.ui.sharing;

import io.hsmconsole.controller.UserRef;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The user-sharing picker: the crypto users a key can be shared with (the cluster's CUs except
 * the caller), a search over name and ID, and which are ticked. The ticked set lives here, not in
 * the check list, so that searching (which hides rows) never loses a tick.
 */
public final class SharingViewModel {
    private final Messages messages;
    private final ObservableList<UserRef> candidates = FXCollections.observableArrayList();
    private final FilteredList<UserRef> shown = new FilteredList<>(candidates);
    private final ObservableList<UserRef> checked = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");

    public SharingViewModel(Messages messages) {
        this.messages = messages;
        search.addListener((obs, old, now) -> {
            String q = now == null ? "" : now.trim().toLowerCase(Locale.ROOT);
            shown.setPredicate(q.isEmpty() ? null : u -> u.toString().toLowerCase(Locale.ROOT).contains(q));
        });
        checked.addListener((javafx.collections.ListChangeListener<UserRef>) c -> updateSummary());
        updateSummary();
    }

    /** Offers these users; ticks keep only users still offered. */
    public void offer(List<UserRef> users) {
        candidates.setAll(users);
        checked.retainAll(users);
    }

    /** Ticks exactly these (ignoring users not offered). */
    public void checkOnly(Collection<UserRef> users) {
        checked.setAll(users.stream().filter(candidates::contains).sorted(Comparator.comparingInt(UserRef::id))
                .toList());
    }

    public void setChecked(UserRef user, boolean tick) {
        if (tick && !checked.contains(user) && candidates.contains(user)) {
            checked.add(user);
            FXCollections.sort(checked, Comparator.comparingInt(UserRef::id));
        } else if (!tick) {
            checked.remove(user);
        }
    }

    public boolean isChecked(UserRef user) {
        return checked.contains(user);
    }

    private void updateSummary() {
        summary.set(checked.isEmpty() ? messages.get("sharing.summary.none")
                : messages.format("sharing.summary", checked.stream().map(UserRef::toString)
                .collect(Collectors.joining(", "))));
    }

    public ObservableList<UserRef> candidates() {
        return candidates;
    }

    /** The candidates matching the search. */
    public FilteredList<UserRef> shown() {
        return shown;
    }

    /** The ticked users in ID order: what becomes {@code -u}. */
    public ObservableList<UserRef> checked() {
        return checked;
    }

    public List<Integer> checkedIds() {
        return checked.stream().map(UserRef::id).toList();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
