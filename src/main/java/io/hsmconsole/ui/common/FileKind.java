package io.hsmconsole.ui.common;

import java.util.List;
import java.util.Objects;

/**
 * What kind of file a file chooser offers first: a description the user reads (already translated) and
 * the name patterns it matches, such as {@code *.json}. The choosers always offer "All files" as well, so
 * a document saved under another name can still be opened.
 */
public record FileKind(String description, List<String> patterns) {
    public FileKind {
        Objects.requireNonNull(description, "description");
        patterns = List.copyOf(patterns);
    }

    /** No filter: every file is offered (for files KMU names without an extension). */
    public static FileKind anyFile(String description) {
        return new FileKind(description, List.of());
    }

    public static FileKind of(String description, String... patterns) {
        return new FileKind(description, List.of(patterns));
    }

    public boolean filters() {
        return !patterns.isEmpty();
    }
}
