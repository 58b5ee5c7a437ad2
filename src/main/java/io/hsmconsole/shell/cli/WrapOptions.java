package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.key.OaepHash;
import io.hsmconsole.hsm.key.Sdk5WrapMechanism;
import io.hsmconsole.hsm.key.Sdk5WrapParameters;

import java.util.Locale;

/**
 * A wrap or unwrap line's mechanism parameters: {@code --tag-length-bits}, {@code --aad} and
 * {@code --iv} (hex) for the GCM mechanisms; {@code --hash-function} and {@code --mgf} for OAEP. The
 * simulator judges the values (tag lengths, IV size).
 */
final class WrapOptions {
    private WrapOptions() {
    }

    static Sdk5WrapParameters parameters(Sdk5WrapMechanism mechanism, CliArguments args, Integer tagBits)
            throws GenerationAttributes.Refused {
        if (mechanism.gcm()) {
            return Sdk5WrapParameters.gcm(tagBits, CliFiles.hex(args, "aad").orElse(null),
                    CliFiles.hex(args, "iv").orElse(null));
        }
        if (mechanism.oaep()) {
            return Sdk5WrapParameters.oaep(hash(args.value("hash-function")), hash(args.value("mgf").substring("mgf1-".length())));
        }
        return Sdk5WrapParameters.none();
    }

    /** sha256 → SHA256: the option's possible values are exactly OaepHash's. */
    private static OaepHash hash(String name) {
        return OaepHash.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
