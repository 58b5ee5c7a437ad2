package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.ListedKey;
import io.hsmconsole.text.cli.CliAttributes;
import io.hsmconsole.text.cli.CliMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --filter} of the key commands (manage-keys-cloudhsm-cli-filtering.md): every term must
 * hold, {@code key-reference=0x…} (hex, or decimal) names one key, {@code attr.NAME=VALUE} compares
 * an attribute as the CLI prints it ({@link CliAttributes}).
 */
record KeyFilter(Long reference, List<Term> terms) {

    record Term(String name, String value) {
    }

    /** A malformed filter: the error answer's words. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static KeyFilter parse(List<String> words) throws Invalid {
        Long reference = null;
        List<Term> terms = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new Invalid(CliMessages.malformedFilter(word));
            }
            String name = word.substring(0, eq);
            String value = word.substring(eq + 1);
            if (name.equals("key-reference")) {
                reference = reference(value);
            } else if (name.startsWith("attr.") && CliAttributes.isKnown(name.substring(5))) {
                terms.add(new Term(name.substring(5), value));
            } else if (name.startsWith("attr.")) {
                throw new Invalid(CliMessages.unknownAttribute(name.substring(5)));
            } else {
                throw new Invalid(CliMessages.malformedFilter(word));
            }
        }
        return new KeyFilter(reference, List.copyOf(terms));
    }

    private static long reference(String text) throws Invalid {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                String digits = text.substring(2);
                if (digits.isEmpty() || digits.length() > 16) {
                    throw new Invalid(CliMessages.invalidKeyReference(text));
                }
                return Long.parseUnsignedLong(digits, 16);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Invalid(CliMessages.invalidKeyReference(text));
        }
    }

    /**
     * The label every selected key must have, when a term says (the last, if several: each must hold, so
     * two different labels select nothing, as the listing then shows): the store looks it up by index.
     */
    Optional<String> label() {
        List<String> labels = terms.stream().filter(t -> t.name().equals(CliAttributes.LABEL)).map(Term::value).toList();
        return labels.isEmpty() ? Optional.empty() : Optional.of(labels.get(labels.size() - 1));
    }

    /** Whether a term compares a value read from a pair's material (modulus, exponent, point, curve). */
    boolean needsPairValues() {
        return terms.stream().anyMatch(t -> CliAttributes.isPairValue(t.name()));
    }

    /** Whether the key passes every term; its attributes are built only when a term compares one. */
    boolean matches(ListedKey key) {
        if (reference != null && reference != key.handle()) {
            return false;
        }
        for (Term t : terms) {
            KeyAttributes attributes = key.attributes();
            Optional<String> value = CliAttributes.filterText(attributes, t.name());
            if (value.isEmpty() || !value.get().equals(t.value())) {
                return false;
            }
        }
        return true;
    }
}
