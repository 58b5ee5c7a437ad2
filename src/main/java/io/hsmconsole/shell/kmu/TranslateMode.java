package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.text.cli.CliAttributes;
import io.hsmconsole.text.cli.KmuTranslation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code key_mgmt_util translate <KMU command line>} (simulator only): prints the CloudHSM CLI line
 * that does the same, and {@code # …} lines for what has no counterpart, so a script can be migrated
 * line by line. The line is read with the command's own options, as KMU would read it; user IDs
 * ({@code -u}) become the names the CLI takes. Exit 0 when translated, 1 when there is no equivalent,
 * 2 when the line is not a KMU command line.
 */
final class TranslateMode {
    private final Map<String, KmuCommand> commands = KmuCommands.all();
    private final HsmCluster cluster;
    private final PrintWriter out;

    TranslateMode(HsmCluster cluster, PrintWriter out) {
        this.cluster = cluster;
        this.out = out;
    }

    ExitStatus run(List<String> line) {
        if (line.isEmpty()) {
            out.println("usage: key_mgmt_util translate <key_mgmt_util command line>");
            return ExitStatus.USAGE;
        }
        String name = line.get(0);
        KmuCommand command = commands.get(name);
        if (command == null) {
            out.println("translate: '" + name + "' is not a key_mgmt_util command");
            return ExitStatus.USAGE;
        }
        ParsedOptions o = command.options().parse(line.subList(1, line.size()));
        if (o.isHelp()) {
            out.println("translate: the options of " + name + " are not valid: " + String.join(" ", line));
            return ExitStatus.USAGE;
        }
        Optional<String> translated = translate(name, o);
        out.println(translated.orElse(KmuTranslation.noEquivalent(name)));
        // A translation that is only comments (a 3DES key) has no equivalent either.
        return ExitStatus.of(translated.filter(t -> !t.startsWith("#")).isPresent());
    }

    private Optional<String> translate(String name, ParsedOptions o) {
        return switch (name) {
            case "genSymKey" -> genSymKey(o);
            case "loginHSM" -> Optional.of(KmuTranslation.login(orEmpty(o.text("-u")), orEmpty(o.text("-s"))));
            case "logoutHSM" -> Optional.of("logout");
            case "listUsers" -> Optional.of("user list");
            case "findKey" -> Optional.of(KmuTranslation.findKey(filters(o)));
            case "deleteKey" -> handle(o, "-k").map(KmuTranslation::deleteKey);
            case "getAttribute" -> handle(o, "-o").map(KmuTranslation::showKey);
            case "getKeyInfo" -> handle(o, "-k").map(KmuTranslation::showKey);
            case "setAttribute" -> setAttribute(o);
            case "genDSAKeyPair" -> Optional.of(KmuTranslation.genDsaKeyPair());
            default -> Optional.empty();
        };
    }

    private Optional<String> genSymKey(ParsedOptions o) {
        Integer type = o.integer("-t");
        Optional<KeyType> keyType = type == null ? Optional.empty() : KeyType.fromCode(type);
        if (keyType.isEmpty()) {
            return Optional.empty();
        }
        Integer mValue = o.integer("-m_value");
        KmuTranslation.GenSymKey k = new KmuTranslation.GenSymKey(keyType.get(), orEmpty(o.text("-s")),
                orEmpty(o.text("-l")), orEmpty(o.text("-id")), o.flag("-nex"), o.flag("-sess"), userNames(o.text("-u")),
                mValue == null ? 0 : mValue, o.has("-min_srv") || o.has("-timeout"), o.flag("-attest"));
        return Optional.of(KmuTranslation.genSymKey(k));
    }

    /** {@code -u 4,5}: the users' names (an unknown ID stays a number, for the user to fix). */
    private List<String> userNames(String ids) {
        List<String> names = new ArrayList<>();
        if (ids == null) {
            return names;
        }
        List<UserInfo> users = cluster.users();
        for (String id : ids.split(",")) {
            Integer n = Tokens.decimalInt(id.strip());
            names.add(users.stream().filter(u -> n != null && u.id() == n).map(UserInfo::name).findFirst().orElse(id.strip()));
        }
        return names;
    }

    /** findKey's criteria that the CLI's filter has: label, ID, key type, class, session. */
    private static List<String> filters(ParsedOptions o) {
        List<String> filters = new ArrayList<>();
        if (o.has("-l")) {
            filters.add("attr.label=" + o.text("-l"));
        }
        if (o.has("-id")) {
            filters.add("attr.id=" + o.text("-id"));
        }
        Integer type = o.integer("-t");
        if (type != null) {
            filters.add("attr.key-type=" + CliAttributes.keyType(type));
        }
        Integer keyClass = o.integer("-c");
        if (keyClass != null) {
            filters.add("attr.class=" + CliAttributes.keyClass(keyClass));
        }
        Integer session = o.integer("-sess");
        if (session != null) {
            filters.add("attr.token=" + (session == 1 ? "false" : "true"));
        }
        return filters;
    }

    /** KMU's {@code setAttribute -o H -a 1} makes a session key a token key: the CLI sets {@code token} to true. */
    private Optional<String> setAttribute(ParsedOptions o) {
        Optional<Long> handle = handle(o, "-o");
        Integer id = o.integer("-a");
        Optional<String> cliName = id == null ? Optional.empty() : Attribute.fromId(id).flatMap(CliAttributes::name);
        if (handle.isEmpty() || cliName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(KmuTranslation.setAttribute(handle.get(), cliName.get(), "true"));
    }

    private static Optional<Long> handle(ParsedOptions o, String option) {
        return Optional.ofNullable(o.handle(option));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
