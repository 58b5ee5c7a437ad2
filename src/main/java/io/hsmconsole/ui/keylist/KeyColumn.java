package io.hsmconsole.ui.keylist;

import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.ui.common.Messages;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The key list's columns (product spec §4). Each knows the text it shows, which is also what the
 * filter searches, and the value it sorts by (numbers sort as numbers, coverage by fraction).
 */
public enum KeyColumn {
    HANDLE(r -> r.handle(), (r, m) -> Long.toString(r.handle())),
    LABEL(KeyRow::label, (r, m) -> r.label()),
    ID(KeyRow::id, (r, m) -> r.id()),
    TYPE(KeyRow::typeName, (r, m) -> r.typeName()),
    SIZE(r -> r.sizeBytes(), (r, m) -> Integer.toString(r.sizeBytes())),
    OWNER(r -> r.owner().name(), (r, m) -> r.owner().toString()),
    SHARED(r -> names(r), (r, m) -> r.isPublicKey() && r.sharedWith().isEmpty() ? m.get("keylist.shared.public") : names(r)),
    STORAGE(r -> r.token() ? 0 : 1, (r, m) -> m.get(r.token() ? "keylist.storage.token" : "keylist.storage.session")),
    EXTRACTABLE(r -> r.extractable() ? 0 : 1, (r, m) -> m.get(r.extractable() ? "common.yes" : "common.no")),
    M_VALUE(r -> r.mValue(), (r, m) -> Integer.toString(r.mValue())),
    KCV(KeyRow::kcv, (r, m) -> r.kcv()),
    COVERAGE(r -> r.clusterNodes().isEmpty() ? 0.0 : (double) r.nodesHolding().size() / r.clusterNodes().size(),
            (r, m) -> r.coverage());

    private final Function<KeyRow, Comparable<?>> sortValue;
    private final BiFunction<KeyRow, Messages, String> text;

    KeyColumn(Function<KeyRow, Comparable<?>> sortValue, BiFunction<KeyRow, Messages, String> text) {
        this.sortValue = sortValue;
        this.text = text;
    }

    /** {@code keylist.column.handle}: the header's bundle key. */
    public String messageKey() {
        return "keylist.column." + name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    public Comparable<?> sortValue(KeyRow row) {
        return sortValue.apply(row);
    }

    public String text(KeyRow row, Messages messages) {
        return text.apply(row, messages);
    }

    private static String names(KeyRow row) {
        return row.sharedWith().stream().map(UserRef::toString).collect(Collectors.joining(", "));
    }
}
