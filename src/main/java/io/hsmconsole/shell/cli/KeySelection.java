package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.ListedKey;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys a filter selects among those the session may see (owned, shared, every public key, and the
 * session's own), in the order they were made (the HSM's order), each with its attributes.
 */
final class KeySelection {
    /** A selected key; its attributes are built when first asked (a page of a long listing). */
    record Selected(ListedKey key) {
        long handle() {
            return key.handle();
        }

        KeyAttributes attributes() {
            return key.attributes();
        }
    }

    private KeySelection() {
    }

    /** Every matching key, or empty after printing the error answer (not logged in, refused, bad filter). */
    static Optional<List<Selected>> matching(CliContext context, HsmSession session, List<String> filterWords) {
        KeyFilter filter;
        try {
            filter = KeyFilter.parse(filterWords);
        } catch (KeyFilter.Invalid e) {
            context.error(e.getMessage());
            return Optional.empty();
        }
        // One listing, not a read per key: a label term is looked up in the store's index, and a pair's
        // values (modulus, point, ...) are read only when a term compares one.
        HsmResult<List<ListedKey>> visible = session.keyListing(filter.label().orElse(null), filter.needsPairValues());
        if (!visible.isSuccess()) {
            context.error(visible.code());
            return Optional.empty();
        }
        List<Selected> selected = new ArrayList<>();
        for (ListedKey key : visible.value()) {
            if (filter.matches(key)) {
                selected.add(new Selected(key));
            }
        }
        return Optional.of(selected);
    }

    /** Runs {@code action} on the one key the filter selects; no key or several is an error answer. */
    static ExitStatus single(CliContext context, String command, List<String> filterWords, KeyAction action) {
        Optional<HsmSession> session = context.requireSession(command);
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        Optional<Long> handle = one(context, session.get(), filterWords);
        return handle.map(h -> action.run(session.get(), h)).orElse(ExitStatus.ERROR);
    }

    /** The handle of the one key the filter selects, or empty after printing the error answer. */
    static Optional<Long> one(CliContext context, HsmSession session, List<String> filterWords) {
        Optional<List<Selected>> keys = matching(context, session, filterWords);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        if (keys.get().size() != 1) {
            context.error(keys.get().isEmpty() ? CliMessages.NO_KEY_MATCHED : CliMessages.filterMatchedSeveral(keys.get().size()));
            return Optional.empty();
        }
        return Optional.of(keys.get().get(0).handle());
    }

    @FunctionalInterface
    interface KeyAction {
        ExitStatus run(HsmSession session, long handle);
    }
}
