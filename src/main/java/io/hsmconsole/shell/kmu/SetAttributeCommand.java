package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.text.KeyText;
import io.hsmconsole.text.KmuPrinter;

/**
 * KMU's {@code setAttribute -o <handle> -a 1}: the only change KMU makes is session key to token
 * key. The value is asked for on the next input line, as the tool does. Other attributes are
 * changed with CMU's setAttribute.
 */
final class SetAttributeCommand extends SessionCommand {
    private static final String HELP = HelpText.of("Sets an attribute of an object (KMU: only OBJ_ATTR_TOKEN,"
                    + " to turn a session key into a token key).",
            "setAttribute -h -o <object handle> -a 1", """
            -h  displays this information
                   -o  specifies the object handle
                   -a  specifies the attribute: 1 (OBJ_ATTR_TOKEN); the value is asked for""");

    @Override
    public String name() {
        return "setAttribute";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-o", "-a");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3SetAttribute";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.handle("-o") == null) {
            return usage(context, "Error: Object handle (-o) is missing.");
        }
        if (o.handle("-a") == null) {
            return usage(context, "Error: Attribute ID (-a) is missing.");
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        KmuPrinter p = context.printer();
        if (o.handle("-a") != Attribute.TOKEN.id()) {
            p.line("This attribute is either not modifiable or unknown");
            p.result(call(), ReturnCode.ATTRIBUTE_NOT_MODIFIABLE);
            return ExitStatus.ERROR;
        }
        KeyText.booleanAttribute(p);
        String answer = context.console().readLine(KeyText.BOOLEAN_PROMPT);
        if (answer == null) {
            // The command line was right; the input ended at the prompt: an error (1), not a usage error (2).
            p.error("Error: no value was entered.");
            return ExitStatus.ERROR;
        }
        Long value = Tokens.decimal(answer.trim(), Long.MAX_VALUE);
        HsmResult<Void> result = session.setAttribute(o.handle("-o"), Attribute.TOKEN, value == null ? -1 : value, null);
        p.resultAndBlock(call(), result);
        return ExitStatus.of(result.isSuccess());
    }
}
