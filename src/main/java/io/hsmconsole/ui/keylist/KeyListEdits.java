package io.hsmconsole.ui.keylist;

import io.hsmconsole.controller.KeyRow;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What turns the list's items into the rows of a new read, worked out before anything is touched: an
 * item whose row is the same object is kept (the controller hands out an unchanged key's row again), a
 * key whose row changed gets a new item in its place, a key gone is removed and a new key inserted
 * where the read has it. Applied one by one, the edits cost what changed (the filtered and sorted views
 * above the items follow each edit, and the table keeps its sort, scroll and selection); when many
 * things changed, {@link #apply} replaces the items in one go instead.
 */
final class KeyListEdits {
    private enum Kind { SET, ADD, REMOVE }

    private record Edit(Kind kind, int at, KeyListItem item) {
    }

    private final List<KeyListItem> next;
    private final List<Edit> edits = new ArrayList<>();

    /** {@code item} makes the item of a new or changed row. */
    KeyListEdits(List<KeyListItem> items, List<KeyRow> rows, Function<KeyRow, KeyListItem> item) {
        next = new ArrayList<>(rows.size());
        Set<Long> inRead = null;
        Set<Long> inserted = new HashSet<>();
        int i = 0;
        for (int j = 0; j < rows.size(); ) {
            KeyRow r = rows.get(j);
            KeyListItem current = i < items.size() ? items.get(i) : null;
            if (current != null && current.row() == r) {
                next.add(current);
                i++;
                j++;
            } else if (current != null && current.row().handle() == r.handle()) {
                edit(Kind.SET, item.apply(r));
                i++;
                j++;
            } else {
                if (current != null) {
                    if (inRead == null) {
                        inRead = handles(rows);
                    }
                    // gone, or moved to a place already filled (it was inserted there)
                    if (!inRead.contains(current.row().handle()) || inserted.contains(current.row().handle())) {
                        edits.add(new Edit(Kind.REMOVE, next.size(), null));
                        i++;
                        continue;
                    }
                }
                inserted.add(r.handle());
                edit(Kind.ADD, item.apply(r));
                j++;
            }
        }
        for (; i < items.size(); i++) {
            edits.add(new Edit(Kind.REMOVE, next.size(), null));
        }
    }

    private void edit(Kind kind, KeyListItem made) {
        edits.add(new Edit(kind, next.size(), made));
        next.add(made);
    }

    private static Set<Long> handles(List<KeyRow> rows) {
        Set<Long> handles = new HashSet<>(rows.size() * 2);
        for (KeyRow r : rows) {
            handles.add(r.handle());
        }
        return handles;
    }

    /** How many items change. */
    int size() {
        return edits.size();
    }

    /** The items of the new read, in its order. */
    List<KeyListItem> result() {
        return next;
    }

    /** Makes {@code items} the new read's: edit by edit when few, else in one replacement. */
    void apply(ObservableList<KeyListItem> items) {
        if (edits.isEmpty()) {
            return;
        }
        if (items.isEmpty() || edits.size() > Math.max(64, next.size() / 20)) {
            items.setAll(next);
            return;
        }
        for (Edit e : edits) {
            switch (e.kind()) {
                case SET -> items.set(e.at(), e.item());
                case ADD -> items.add(e.at(), e.item());
                case REMOVE -> items.remove(e.at());
            }
        }
    }
}
