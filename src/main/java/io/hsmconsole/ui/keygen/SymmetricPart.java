package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ClusterFacts;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.text.KmuText;
import io.hsmconsole.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key form's genSymKey type and size helpers: the sizes offered per type (the type's own when
 * it has fixed ones), its size rule as the hint, a size the type allows when the type changes, and
 * why a FIPS cluster refuses a type. The rules are {@link KeyType}'s and the cluster's.
 */
final class SymmetricPart {
    /** Sizes offered for the types that allow a range (free entry stays possible). */
    private static final Map<KeyType, List<Integer>> SUGGESTED_SIZES = Map.of(
            KeyType.GENERIC_SECRET, List.of(16, 32, 64, 128, 256, 512, 2048),
            KeyType.RC4, List.of(16, 32, 128, 256));
    private static final Map<KeyType, Integer> DEFAULT_SIZE = Map.of(KeyType.AES, 32, KeyType.DES3, 24,
            KeyType.GENERIC_SECRET, 32, KeyType.RC4, 16);

    private final Messages messages;
    private final ClusterFacts cluster;
    final ObservableList<String> sizeChoices = FXCollections.observableArrayList();
    final ReadOnlyStringWrapper sizeHint = new ReadOnlyStringWrapper(this, "sizeHint");

    SymmetricPart(Messages messages, ClusterFacts cluster) {
        this.messages = messages;
        this.cluster = cluster;
    }

    static int defaultSize(KeyType type) {
        return DEFAULT_SIZE.get(type);
    }

    /** Why this type cannot be chosen on this cluster (RC4 and 3DES on a FIPS cluster), or empty. */
    Optional<String> typeRefusal(KeyType t) {
        return cluster.typeRefusal(t).map(code -> messages.format("keygen.type.refusedInFips", t.displayName(),
                KmuText.code(code)));
    }

    /** The type changed: its sizes and rule, and a size it allows in {@code size} when the typed one is not. */
    void typeChanged(KeyType now, StringProperty size, Integer typedSize) {
        List<Integer> offered = now.fixedSizes().isEmpty() ? SUGGESTED_SIZES.get(now) : now.fixedSizes();
        sizeChoices.setAll(offered.stream().map(String::valueOf).toList());
        sizeHint.set(messages.format("keygen.size.hint", now.displayName(), now.sizeRule()));
        if (typedSize == null || !now.isValidSize(typedSize)) {
            size.set(String.valueOf(defaultSize(now)));
        }
    }
}
