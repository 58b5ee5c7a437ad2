package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.crypto.Kcv;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.KmuPrinter;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import io.hsmconsole.text.KeyUseText;

/**
 * {@code findKey}: the keys the logged-in user can use that match every given criterion, printed
 * as KMU does: totals, the handles (15 per line), the cluster block, then the result line.
 */
final class FindKeyCommand extends SessionCommand {
    private static final int HANDLES_PER_LINE = 15;

    private static final String HELP = HelpText.of("Find keys optionally matching the specified key class,"
                    + " key type, label, ID, session, users and key check value.",
            "findKey -h [-c <key class>] [-t <key type>] [-l <key label>] [-id <key ID>]\n"
                    + "\t\t[-sess (0 | 1)] [-u <user-ids>] [-m <modulus>] [-kcv <key_check_value>]", """
            -h    displays this information
                   -c    specifies the key class to find (2 = public, 3 = private, 4 = secret)
                   -t    specifies the key type to find (0 = RSA, 3 = EC, 16 = GENERIC_SECRET, 18 = RC4, 21 = DES3, 31 = AES)
                   -l    specifies the key label to find (exact match)
                   -id   specifies the key ID to find (exact match)
                   -sess 1: session keys of this session only; 0: token keys only
                   -u    finds keys shared with all of these users (separated by ,)
                   -m    specifies a file with an RSA modulus in hex to find
                   -kcv  specifies the key check value to find (hex, with or without 0x)""");

    @Override
    public String name() {
        return "findKey";
    }

    @Override
    public OptionSpec options() {
        return OptionSpec.valued("-c", "-t", "-l", "-id", "-sess", "-u", "-m", "-kcv");
    }

    @Override
    public String help() {
        return HELP;
    }

    @Override
    String call() {
        return "Cfm3FindKey";
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        String sess = o.text("-sess");
        boolean badSess = sess != null && !sess.equals("0") && !sess.equals("1");
        boolean badKcv = o.has("-kcv") && Kcv.parse(o.text("-kcv")) == null;
        if (badSess || badKcv) {
            context.printer().out().print(HELP);
            return ExitStatus.USAGE;
        }
        return null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        String sess = o.text("-sess");
        KeyQuery query = new KeyQuery(o.integer("-c"), o.integer("-t"), o.text("-l"), o.text("-id"),
                sess == null ? null : sess.equals("1"), UserList.parse(o.text("-u")),
                o.has("-kcv") ? Kcv.parse(o.text("-kcv")) : null);
        if (o.has("-m")) {
            Optional<byte[]> modulus = KeyFiles.read(context, o.text("-m"), "modulus file")
                    .flatMap(bytes -> KeyUseText.parseHex(new String(bytes, StandardCharsets.US_ASCII)))
                    .filter(bytes -> bytes.length > 0);
            if (modulus.isEmpty()) {
                context.printer().error("Error: the modulus file (-m) " + o.text("-m")
                        + " must hold an RSA modulus in hex (as getAttribute writes OBJ_ATTR_MODULUS).");
                return ExitStatus.ERROR;
            }
            query = query.withModulus(modulus.get());
        }
        HsmResult<List<Long>> result = session.findKeys(query);
        KmuPrinter p = context.printer();
        if (!result.isSuccess()) {
            p.resultAndBlock(call(), result);
            return ExitStatus.ERROR;
        }
        List<Long> handles = result.value();
        p.out().printf("%nTotal number of keys present %d%n", handles.size());
        if (!handles.isEmpty()) {
            p.out().printf("%n number of keys matched from start index 0::%d%n", handles.size() - 1);
            printHandles(handles, p.out());
        }
        p.clusterBlock(result.nodes());
        p.result(call(), result.code());
        return ExitStatus.SUCCESS;
    }

    /**
     * {@code 6, 7, 524296}; a line holds 15 handles and ends with a comma when more follow. Written
     * a line at a time: 100,000 handles are 760 KB, which one string would first copy around.
     */
    private static void printHandles(List<Long> handles, PrintWriter out) {
        StringBuilder line = new StringBuilder(HANDLES_PER_LINE * 12);
        int last = handles.size() - 1;
        for (int i = 0; i <= last; i++) {
            line.append(handles.get(i).longValue());
            if (i == last) {
                out.println(line);
            } else if ((i + 1) % HANDLES_PER_LINE == 0) {
                out.append(line.append(",\n"));
                line.setLength(0);
            } else {
                line.append(", ");
            }
        }
    }
}
