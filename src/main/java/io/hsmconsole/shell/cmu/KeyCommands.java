package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.NodeResult;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.NodeKeyList;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.text.AttributeText;
import io.hsmconsole.text.KeyInfoText;
import io.hsmconsole.text.NodeAddresses;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** CMU's key commands: shareKey, getKeyInfo, getAttribute, setAttribute, findAllKeys. */
final class KeyCommands {
    private KeyCommands() {
    }

    static List<CmuCommand> all() {
        return List.of(
                new CmuCommand("shareKey", "shareKey <key handle> <user id> <(share/unshare key?) 1/0>",
                        "Shares a key you own with another crypto user (1) or stops sharing it (0).", 3, 3,
                        KeyCommands::shareKey),
                new CmuCommand("getKeyInfo", "getKeyInfo -k <key-handle> [<output file>]",
                        "Gets the owner, the shared users and the quorum of a key.", 1, 3, KeyCommands::keyInfo),
                new CmuCommand("getAttribute", "getAttribute <key handle> <attribute id> [<filename>]",
                        "Gets an attribute of a key (512 = all); see listAttributes.", 2, 3, KeyCommands::getAttribute),
                new CmuCommand("setAttribute", "setAttribute <key handle> <attribute id> <value>",
                        "Changes an attribute of a key you own: 3 LABEL (text), 260 ENCRYPT, 261 DECRYPT, 262 WRAP,"
                                + " 263 UNWRAP, 264 SIGN, 266 VERIFY, 268 DERIVE, 370 DESTROYABLE, 528 WRAP_WITH_TRUSTED"
                                + " (0/1); 134 TRUSTED by a crypto officer.", 3, 3, KeyCommands::setAttribute),
                new CmuCommand("findAllKeys", "findAllKeys <user id> <key hash (0/1)> [<output file>]",
                        "Lists, per server, the keys a user owns (o) or shares (s), and with 1 the hash of the"
                                + " server's ownership data (equal hashes: servers in sync). Crypto officers only.", 2, 3,
                        KeyCommands::findAllKeys));
    }

    private static Long handle(String text, CmuContext c) {
        Long h = Tokens.decimal(text, Long.MAX_VALUE);
        if (h == null) {
            c.out().printf("Invalid key handle '%s': use the decimal handle findKey or genSymKey printed%n", text);
        }
        return h;
    }

    private static ExitStatus shareKey(List<String> a, CmuContext c) {
        Long h = handle(a.get(0), c);
        Integer user = Tokens.decimalInt(a.get(1));
        if (h == null || user == null || !(a.get(2).equals("0") || a.get(2).equals("1"))) {
            c.out().println("Invalid arguments: the user id is a number and the last argument is 1 (share) or 0 (unshare)");
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("shareKey", String.join(" ", a));
        }
        if (!c.confirm()) {
            return ExitStatus.SUCCESS;
        }
        return c.perServer("shareKey", c.session().get().shareKey(h, user, a.get(2).equals("1")));
    }

    private static ExitStatus keyInfo(List<String> a, CmuContext c) {
        List<String> args = a.get(0).equals("-k") ? a.subList(1, a.size()) : a;
        if (args.isEmpty() || args.size() > 2) {
            return ExitStatus.USAGE;
        }
        Long h = handle(args.get(0), c);
        if (h == null) {
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("getKeyInfo", String.join(" ", a));
        }
        HsmResult<KeyInfo> result = c.session().get().keyInfo(h);
        return perServerBlocks("Key Info", "getKeyInfo", result, args.size() > 1 ? args.get(1) : null, c,
                (info, out) -> {
                    out.printf("%n\t%s,%n", info.token() ? "Token/Flash Key" : "Session Key");
                    KeyInfoText.print(info, "\t", out);
                });
    }

    private static ExitStatus getAttribute(List<String> a, CmuContext c) {
        Long h = handle(a.get(0), c);
        Long id = Tokens.decimal(a.get(1), Long.MAX_VALUE);
        if (h == null || id == null) {
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("getAttribute", String.join(" ", a));
        }
        HsmResult<KeyAttributes> result = c.session().get().attributes(h);
        if (result.isSuccess() && id != Attribute.ALL
                && Attribute.fromId(id).flatMap(attr -> result.value().get(attr)).isEmpty()) {
            c.out().printf("getAttribute failed: %s%n", io.hsmconsole.hsm.ReturnCode.ATTRIBUTE_NOT_PRESENT.text());
            return ExitStatus.ERROR;
        }
        return perServerBlocks("Attribute Value", "getAttribute", result, a.size() > 2 ? a.get(2) : null, c,
                (attrs, out) -> {
                    if (id == Attribute.ALL) {
                        out.print(AttributeText.dump(attrs.all()));
                    } else {
                        AttributeValue v = attrs.get(Attribute.fromId(id).orElseThrow()).orElseThrow();
                        out.printf("%s%n%s%n", v.attribute().kmuName(), AttributeText.singleValue(v));
                    }
                });
    }

    private static ExitStatus setAttribute(List<String> a, CmuContext c) {
        Long h = handle(a.get(0), c);
        Optional<Attribute> attribute = Optional.ofNullable(Tokens.decimal(a.get(1), Long.MAX_VALUE))
                .flatMap(Attribute::fromId);
        if (h == null || attribute.isEmpty()) {
            c.out().printf("Invalid attribute '%s': see listAttributes%n", a.get(1));
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("setAttribute", String.join(" ", a));
        }
        if (!c.confirm()) {
            return ExitStatus.SUCCESS;
        }
        Long number = Tokens.decimal(a.get(2), Long.MAX_VALUE);
        return c.perServer("setAttribute", c.session().get().setAttribute(h, attribute.get(),
                number == null ? -1 : number, a.get(2)));
    }

    private static ExitStatus findAllKeys(List<String> a, CmuContext c) {
        Integer user = Tokens.decimalInt(a.get(0));
        if (user == null || !(a.get(1).equals("0") || a.get(1).equals("1"))) {
            c.out().println("Invalid arguments: the user id is a number and the key hash argument is 1 (with hash) or 0");
            return ExitStatus.USAGE;
        }
        if (c.session().isEmpty()) {
            return c.notLoggedIn("findAllKeys", a.get(0) + " " + a.get(1));
        }
        HsmResult<List<NodeKeyList>> result = c.session().get().findAllKeys(user, a.get(1).equals("1"));
        if (!result.isSuccess()) {
            return c.perServer("findAllKeys", result);
        }
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        boolean allAnswered = true;
        for (NodeResult n : result.nodes()) {
            String server = NodeAddresses.server(n.nodeId());
            out.printf("Keys on server %s:%n", server);
            Optional<NodeKeyList> list = result.value().stream().filter(l -> l.nodeId() == n.nodeId()).findFirst();
            if (list.isEmpty()) {
                out.printf("findAllKeys failed on server %s: %s%n", server, n.code().text());
                allAnswered = false;
                continue;
            }
            printKeyList(list.get(), out);
            out.printf("findAllKeys success on server %s%n", server);
            if (list.get().ownershipHash() == null) {
                out.println();
            }
        }
        out.flush();
        return emit("findAllKeys", "Keys", text.toString(), a.size() > 2 ? a.get(2) : null, c) && allAnswered
                ? ExitStatus.SUCCESS : ExitStatus.ERROR;
    }

    /** {@code 8(s),9(s),19(o)} and, when asked for, the ownership hash, as the AWS examples print them. */
    private static void printKeyList(NodeKeyList list, PrintWriter out) {
        out.printf("Number of keys found %d%n", list.keys().size());
        if (!list.keys().isEmpty()) {
            out.printf("number of keys matched from start index 0::%d%n", list.keys().size());
            out.println(list.keys().stream().map(k -> k.handle() + (k.owned() ? "(o)" : "(s)"))
                    .collect(Collectors.joining(",")));
        }
        if (list.ownershipHash() != null) {
            out.printf("Key Hash:%n%s%n%n", list.ownershipHash());
        }
    }

    interface Block<T> {
        void print(T value, PrintWriter out);
    }

    /**
     * {@code <title> on server N(ip):} then the value for each server that answered success, or why a
     * server failed. With a file name the blocks of a success go to that file instead of the screen.
     */
    private static <T> ExitStatus perServerBlocks(String title, String command, HsmResult<T> result, String file,
                                                  CmuContext c, Block<T> block) {
        if (result.nodes().isEmpty()) {
            c.out().printf("%s failed: %s%n", command, result.code().text());
            return ExitStatus.ERROR;
        }
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        for (NodeResult n : result.nodes()) {
            out.printf("%n%s on server %s:%n", title, NodeAddresses.server(n.nodeId()));
            if (n.code().isSuccess()) {
                block.print(result.value(), out);
            } else {
                out.printf("%s failed on server %s: %s%n", command, NodeAddresses.server(n.nodeId()), n.code().text());
            }
        }
        out.flush();
        // A refusal is shown, not filed away: the user must see why, and no file of failures is left.
        String target = result.isSuccess() ? file : null;
        return emit(command, title, text.toString(), target, c) ? ExitStatus.of(result.isSuccess()) : ExitStatus.ERROR;
    }

    /** Prints the text, or writes it to {@code file} (when given) and says so; false when the file cannot be written. */
    private static boolean emit(String command, String title, String text, String file, CmuContext c) {
        if (file == null) {
            c.out().print(text);
            return true;
        }
        try {
            c.write(file, text.getBytes(StandardCharsets.UTF_8));
            c.out().printf("%s written to file %s%n", title, file);
            return true;
        } catch (IOException e) {
            c.out().printf("%s failed: cannot write %s: %s%n", command, c.file(file), e.getMessage());
            return false;
        }
    }
}
