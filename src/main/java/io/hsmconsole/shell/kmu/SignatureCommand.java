package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.shell.ExitStatus;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code sign} and {@code verify} share: a message file ({@code -f}), a key ({@code -k}) and a
 * signature mechanism ({@code -m}) from KMU's table. The table's numbers are checked here only for
 * being in it; whether a mechanism suits the key is the HSM's answer.
 */
abstract class SignatureCommand extends DescribedCommand {
    /** The {@code -m} lines of the help text: every number of the table with its name. */
    static final String MECHANISMS = mechanismLines();

    SignatureCommand(String name, String call, OptionSpec options, String help) {
        super(name, call, options, help);
    }

    /** The option checks that come before the shared ones in the syntax order (verify's {@code -s}). */
    ExitStatus checkBeforeKey(ParsedOptions o, KmuContext context) {
        return null;
    }

    /** The option checks that come after the shared ones (sign's {@code -out}). */
    ExitStatus checkAfterMechanism(ParsedOptions o, KmuContext context) {
        return null;
    }

    @Override
    final ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.text("-f") == null) {
            return usage(context, "Error: Message file (-f) is missing.");
        }
        ExitStatus before = checkBeforeKey(o, context);
        if (before != null) {
            return before;
        }
        if (o.handle("-k") == null) {
            return usage(context, "Error: Key handle (-k) is missing.");
        }
        Integer number = o.integer("-m");
        if (number == null) {
            return usage(context, "Error: Signature mechanism (-m) is missing.");
        }
        if (SignMechanism.fromCode(number).isEmpty()) {
            return usage(context, "Error: Signature mechanism (-m) " + number + " is unknown: use a number of the"
                    + " list below (RSA: 0 to 9, ECDSA: 15 to 19, HMAC: 20 to 24).");
        }
        return checkAfterMechanism(o, context);
    }

    /** The mechanism of options that passed {@link #check}. */
    static SignMechanism mechanism(ParsedOptions o) {
        return SignMechanism.fromCode(o.integer("-m")).orElseThrow();
    }

    /** Runs with the message file's bytes (wiped afterwards: they may be secret). */
    abstract ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context, byte[] message);

    @Override
    final ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        Optional<byte[]> message = KeyFiles.read(context, o.text("-f"), "message file");
        if (message.isEmpty()) {
            return ExitStatus.ERROR;
        }
        try {
            return run(o, session, context, message.get());
        } finally {
            Arrays.fill(message.get(), (byte) 0);
        }
    }

    /**
     * The {@code -m} table in two parts, so nobody mistakes ours for AWS's: the numbers the AWS sign
     * page documents (RSA 0-9, ECDSA 15-19), then the simulator-defined HMAC numbers.
     */
    private static String mechanismLines() {
        String indent = "\n" + " ".repeat(13);
        return "specifies the signature mechanism."
                + indent + "Documented by AWS: with an RSA private key (0 to 9: PKCS#1 v1.5, then PSS with"
                + indent + "salt = hash length), with an EC private key (15 to 19, ECDSA); public keys verify:"
                + indent + table(false, indent)
                + indent + "Ours, simulator-defined (AWS key_mgmt_util has no HMAC mechanism):"
                + indent + "HMAC with a GENERIC_SECRET (-t 16) key:"
                + indent + table(true, indent);
    }

    private static String table(boolean hmac, String indent) {
        return Arrays.stream(SignMechanism.values()).filter(m -> m.isHmac() == hmac)
                .map(m -> String.format("%2d = %s", m.code(), m.name()))
                .collect(Collectors.joining(indent));
    }
}
