package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.Sdk5KeyAttributes;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.text.cli.CliAttributes;
import io.hsmconsole.text.cli.CliMessages;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code KEY_ATTRIBUTE_NAME=KEY_ATTRIBUTE_VALUE} words of a generate command
 * ({@code --attributes}, {@code --public-attributes}, {@code --private-attributes}): the usage
 * booleans for the simulator, and the three that are options of their own there (id, extractable,
 * token). Unknown names, non-booleans and attributes the HSM sets itself are refused by name.
 */
record GenerationAttributes(Map<Attribute, Boolean> usage, Optional<String> id, Optional<Boolean> extractable,
                            Optional<Boolean> token) {

    /** A word that is refused, with the message saying why. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    static GenerationAttributes parse(List<String> words) throws Refused {
        Map<Attribute, Boolean> usage = new EnumMap<>(Attribute.class);
        Optional<String> id = Optional.empty();
        Optional<Boolean> extractable = Optional.empty();
        Optional<Boolean> token = Optional.empty();
        for (String pair : words) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!CliAttributes.isKnown(name)) {
                throw new Refused(CliMessages.unknownAttribute(name));
            }
            if (name.equals(CliAttributes.ID)) {
                id = Optional.of(value); // the simulator judges it (length, unique in the cluster)
                continue;
            }
            if (!value.equals("true") && !value.equals("false")) {
                throw new Refused(CliMessages.invalidBoolean(name, value));
            }
            boolean on = value.equals("true");
            Optional<Attribute> attribute = CliAttributes.attribute(name);
            if (attribute.equals(Optional.of(Attribute.EXTRACTABLE))) {
                extractable = Optional.of(on);
            } else if (attribute.equals(Optional.of(Attribute.TOKEN))) {
                token = Optional.of(on);
            } else if (attribute.isEmpty() || Sdk5KeyAttributes.whyNotSettable(List.of(attribute.get())).isPresent()) {
                throw new Refused(CliMessages.notSettableAtGeneration(name));
            } else {
                usage.put(attribute.get(), on);
            }
        }
        return new GenerationAttributes(usage, id, extractable, token);
    }
}
