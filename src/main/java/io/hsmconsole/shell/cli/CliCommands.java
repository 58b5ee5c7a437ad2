package io.hsmconsole.shell.cli;

import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every command, found by the words that name it ({@code key generate-symmetric aes}). */
final class CliCommands {
    private final Map<String, CliCommand> byPath = new LinkedHashMap<>();

    CliCommands() {
        List<CliCommand> all = new ArrayList<>();
        all.addAll(LoginCommands.all());
        all.addAll(UserCommands.all());
        all.addAll(QuorumCommands.all());
        all.addAll(KeyGenerateCommands.all());
        all.addAll(KeyPairCommands.all());
        all.addAll(CryptoCommands.all());
        all.addAll(KeyImportCommand.all());
        all.add(new KeyListCommand());
        all.addAll(KeyManageCommands.all());
        all.addAll(KeyWrapCommands.all());
        all.addAll(KeyGenerateFileCommand.all());
        all.addAll(ClusterCommands.all());
        all.addAll(KeyUnwrapCommands.all());
        all.forEach(c -> byPath.put(c.syntax().path(), c));
    }

    /** The command named by the first words, and how many words its name took. */
    Optional<Found> find(List<String> words) {
        for (int n = Math.min(words.size(), 4); n >= 1; n--) {
            CliCommand c = byPath.get(String.join(" ", words.subList(0, n)));
            if (c != null) {
                return Optional.of(new Found(c, n));
            }
        }
        return Optional.empty();
    }

    record Found(CliCommand command, int words) {
    }

    /** Whether these words name a group of commands ({@code key}, {@code key generate-symmetric}). */
    boolean isGroup(String path) {
        return !path.isEmpty() && CliSyntaxes.groups().containsKey(path);
    }

    /** The longest group the first words name ("" for none). */
    String group(List<String> words) {
        String found = "";
        for (int n = 1; n <= words.size(); n++) {
            String path = String.join(" ", words.subList(0, n));
            if (!isGroup(path)) {
                break;
            }
            found = path;
        }
        return found;
    }

    /** The next word of each command and group under {@code path}, with what it is for. */
    Map<String, String> children(String path) {
        Map<String, String> children = new TreeMap<>();
        String prefix = path.isEmpty() ? "" : path + " ";
        for (CliCommand c : byPath.values()) {
            String p = c.syntax().path();
            if (p.startsWith(prefix)) {
                String rest = p.substring(prefix.length());
                String next = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
                String childPath = prefix + next;
                children.putIfAbsent(next, isGroup(childPath) ? CliSyntaxes.groups().get(childPath) : c.syntax().about());
            }
        }
        return children;
    }

    /** For tab completion: each command name's first word, and the options of every command under it. */
    Map<String, Set<String>> completions() {
        Map<String, Set<String>> names = new TreeMap<>();
        for (CliCommand c : byPath.values()) {
            String[] words = c.syntax().path().split(" ");
            Set<String> next = names.computeIfAbsent(words[0], k -> new TreeSet<>());
            for (int i = 1; i < words.length; i++) {
                next.add(words[i]);
            }
            c.syntax().options().forEach(o -> next.add("--" + o.name()));
        }
        names.put("help", new TreeSet<>(names.keySet()));
        names.put("quit", Set.of());
        return names;
    }
}
