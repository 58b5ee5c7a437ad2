package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.AttributeText;
import io.hsmconsole.text.KmuPrinter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code getAttribute -o <handle> -a <attribute> -out <file>}: KMU only writes attributes to a
 * file (overwritten without warning); {@code -a 512} writes all of them.
 */
final class GetAttributeCommand extends SessionCommand {
    private static final String HELP = HelpText.of("Reads an attribute from an object.",
            "getAttribute -h -o <object handle> -a <attribute> -out <file> [-attest]", """
            -h    displays this information
                   -o    specifies the object handle
                   -a    specifies the attribute to read (512 = all attributes; see listAttributes)
                   -out  specifies the file to write the attribute(s) to
                   -attest  performs the attestation check on the firmware response""");

    @Override
    public String name() {
        return "getAttribute";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.of(java.util.List.of("-o", "-a", "-out"), java.util.List.of("-attest"));
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3GetAttribute";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.handle("-o") == null) {
            return usage(context, "Error: Object handle (-o) is missing.");
        }
        if (o.handle("-a") == null) {
            return usage(context, "Error: Attribute ID (-a) is missing.");
        }
        if (o.text("-out") == null) {
            return usage(context, "Error: Attribute File (-out) is missing.");
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<KeyAttributes> result = session.attributes(o.handle("-o"), o.flag("-attest"));
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        long id = o.handle("-a");
        String fileName = o.text("-out");
        if (id == Attribute.ALL) {
            List<AttributeValue> values = result.value().kmuDump();
            if (!write(context, fileName, AttributeText.dump(values))) {
                return ExitStatus.ERROR;
            }
            AttributeText.dumpedAll(p, values, fileName);
        } else {
            Optional<AttributeValue> value = Attribute.fromId(id).flatMap(a -> result.value().get(a));
            if (value.isEmpty()) {
                p.result(call(), ReturnCode.ATTRIBUTE_NOT_PRESENT);
                return ExitStatus.ERROR;
            }
            String text = value.get().attribute().kmuName() + "\n" + AttributeText.singleValue(value.get()) + "\n";
            if (!write(context, fileName, text)) {
                return ExitStatus.ERROR;
            }
            AttributeText.dumpedOne(p, fileName);
        }
        p.attestation(result.attestationReport());
        p.result(call(), result.code());
        return ExitStatus.of(result.isSuccess());
    }

    /** The attribute file is an output file like a key file: written whole, owner-only, never through a link. */
    private static boolean write(KmuContext context, String fileName, String text) {
        return KeyFiles.write(context, fileName, text.getBytes(StandardCharsets.UTF_8), "attribute file");
    }
}
