package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.shell.ExitStatus;

import java.io.PrintWriter;
import java.util.stream.Collectors;

/** {@code getKeyInfo -k <handle>}: owner, shared users and quorum of a key. */
final class KeyInfoCommand extends SessionCommand {
    private static final String HELP = HelpText.of("Gets key info about shared users/sessions of a key.",
            "getKeyInfo -h -k <key handle>", """
            -h  displays this information
                   -k  specifies the key handle""");

    @Override
    public String name() {
        return "getKeyInfo";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-k");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3GetKey";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        return o.handle("-k") == null ? usage(context, "Error: Key handle (-k) is missing.") : null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        HsmResult<KeyInfo> result = session.keyInfo(o.handle("-k"));
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        p.result(call(), result.code());
        print(result.value(), "\t", p.out());
        return ExitStatus.SUCCESS;
    }

    /** The owner/share/quorum lines, shared with CMU's getKeyInfo (indent differs per tool). */
    static void print(KeyInfo info, String indent, PrintWriter out) {
        out.printf("%n%sOwned by user %d%n", indent, info.ownerId());
        if (!info.sharedWith().isEmpty()) {
            out.printf("%n%salso, shared to following %d user(s):%n%n", indent, info.sharedWith().size());
            out.printf("%s\t %s%n", indent, info.sharedWith().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (info.mValue() > 1) {
            out.printf("%s %d Users need to approve to use/manage this key%n", indent, info.mValue());
            if (info.mValue() > 1 + info.sharedWith().size()) {
                out.printf("%s This key is unusable as M > N. Better delete this.%n", indent);
            }
        }
    }
}
