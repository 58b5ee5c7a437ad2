package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;

import java.util.Optional;

/** {@code Error2String -r 0x<code>}: what a return code means (real and simulator-defined ones). */
final class Error2StringCommand implements KmuCommand {
    private static final String HELP = HelpText.of("Converts an HSM return code to its error string.",
            "Error2String -h -r <response code>", """
            -h  displays this information
                   -r  specifies the response code in hex, with 0x (e.g. 0xc6)""");

    @Override
    public String name() {
        return "Error2String";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-r");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    public ExitStatus execute(ParsedOptions o, KmuContext context) {
        KmuPrinter p = context.printer();
        String text = o.text("-r");
        if (text == null) {
            p.error("Error: Response code (-r) is missing.");
            p.out().print(HELP);
            return ExitStatus.USAGE;
        }
        Long code = parseHex(text);
        if (code == null) {
            p.error("Error: Response code (-r) must be hexadecimal with 0x, e.g. 0xc6.");
            p.out().print(HELP);
            return ExitStatus.USAGE;
        }
        Optional<ReturnCode> known = ReturnCode.fromCode(code);
        if (known.isEmpty()) {
            p.line(String.format("Error Code %x is not a code this simulator knows", code));
            return ExitStatus.ERROR;
        }
        p.line(String.format("Error Code %x maps to %s", code, known.get().text()));
        return ExitStatus.SUCCESS;
    }

    private static Long parseHex(String text) {
        if (!text.startsWith("0x") && !text.startsWith("0X")) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(text.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
