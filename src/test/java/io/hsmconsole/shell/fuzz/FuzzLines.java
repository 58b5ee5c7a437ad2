package io.hsmconsole.shell.fuzz;

import io.hsmconsole.property.Gen;
import io.hsmconsole.shell.Tokens;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Random and mutated command lines: corpus lines as they are, corpus lines with a few token-level
 * mutations (drop, repeat, swap, replace with a known token, an edge number or random text,
 * insert, truncate, change case), and lines of random tokens.
 * <p>
 * Random text never contains a path separator or {@code ~}: commands that write a file
 * ({@code -out}, {@code getAttribute … FILE}) resolve names against the fuzzer's work folder, and a
 * generated absolute path must not write anywhere else on the machine.
 */
public final class FuzzLines {
    /** Numbers at the edges of every parser: int and long limits, handle-like values, hex, signs. */
    public static final List<String> EDGE_NUMBERS = List.of("0", "1", "-1", "2", "3", "7", "8", "9", "16", "17", "24", "31",
            "32", "127", "128", "255", "256", "257", "512", "3583", "3584", "262143", "262150", "524296",
            "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808",
            "9999999999999999999", "99999999999999999999", "00000000000000000006", "0x10", "1e3", "+5", "06", "", "-");
    private static final String TEXT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-_.,:;=+*#@!?%$&()[]{}<>'\"|^`\u00e9\u00df\u2603\u00a0\u0000\u0007";

    private FuzzLines() {
    }

    enum Kind { DROP, REPEAT, SWAP, KNOWN, EDGE, TEXT, INSERT, TRUNCATE, CASE, OPTION_VALUE, OPTION_VALUE_TEXT }

    /** One change to a line's tokens; {@code known}, {@code edge} and {@code text} are the candidates for each kind. */
    record Mutation(Kind kind, int at, int other, String known, String edge, String text) {
        List<String> apply(List<String> tokens) {
            List<String> t = new ArrayList<>(tokens);
            if (t.isEmpty()) {
                t.add(known);
                return t;
            }
            int i = Math.floorMod(at, t.size());
            int j = Math.floorMod(other, t.size());
            switch (kind) {
                case DROP -> t.remove(i);
                case REPEAT -> t.add(i, t.get(i));
                case SWAP -> {
                    String a = t.get(i);
                    t.set(i, t.get(j));
                    t.set(j, a);
                }
                case KNOWN -> t.set(i, known);
                case EDGE -> t.set(i, edge);
                case TEXT -> t.set(i, text);
                case INSERT -> t.add(i, known);
                case OPTION_VALUE -> setOptionValue(t, at, edge);
                case OPTION_VALUE_TEXT -> setOptionValue(t, at, text);
                case TRUNCATE -> t.subList(i, t.size()).clear();
                case CASE -> t.set(i, flipCase(t.get(i)));
            }
            return t;
        }

        /** The value after the n-th option ({@code -x}) becomes {@code value}; appended when it has none. */
        private static void setOptionValue(List<String> t, int n, String value) {
            List<Integer> options = new ArrayList<>();
            for (int k = 0; k < t.size(); k++) {
                if (t.get(k).startsWith("-") && t.get(k).length() > 1) {
                    options.add(k);
                }
            }
            if (options.isEmpty()) {
                t.add(value);
                return;
            }
            int o = options.get(Math.floorMod(n, options.size()));
            if (o + 1 < t.size()) {
                t.set(o + 1, value);
            } else {
                t.add(value);
            }
        }

        private static String flipCase(String s) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(c -> b.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
                    : Character.toUpperCase(c)));
            return b.toString();
        }
    }

    /** Every token of the corpus plus the given extra words (command and option names). */
    public static List<String> dictionary(List<String> corpus, Collection<String> extra) {
        Set<String> words = new LinkedHashSet<>(extra);
        corpus.forEach(line -> words.addAll(Tokens.split(line)));
        words.addAll(EDGE_NUMBERS);
        words.remove("");
        return List.copyOf(words);
    }

    public static Gen<String> randomText() {
        return Gen.strings(TEXT_CHARS, 0, 12);
    }

    /**
     * A corpus line, each command equally likely: the transcripts are mostly genSymKey lines, and
     * the fuzzer should not spend most of its inputs (and the disk's fsyncs) on one command.
     */
    static Gen<String> corpusLine(List<String> corpus) {
        Map<String, List<String>> byCommand = new TreeMap<>();
        for (String line : corpus) {
            byCommand.computeIfAbsent(Tokens.split(line).get(0), k -> new ArrayList<>()).add(line);
        }
        Gen<Gen<String>> command = Gen.of(byCommand.values().stream().map(Gen::of).toList());
        return r -> command.next(r).next(r);
    }

    /** A line that is not blank and does not start with {@code exit}/{@code quit} (the loops end there). */
    public static Gen<String> lines(List<String> corpus, List<String> dictionary, Set<String> endWords) {
        Gen<String> known = Gen.of(dictionary);
        Gen<String> edge = Gen.of(EDGE_NUMBERS);
        Gen<String> token = Gen.frequency(Gen.weight(6, known), Gen.weight(2, edge), Gen.weight(2, randomText()));
        Gen<Integer> position = Gen.between(0, 40);
        Gen<Kind> kind = Gen.of(Kind.class);
        Gen<String> text = randomText();
        Gen<Mutation> mutation = r -> new Mutation(kind.next(r), position.next(r), position.next(r), known.next(r),
                edge.next(r), text.next(r));
        Gen<List<Mutation>> mutations = mutation.list(1, 4);
        Gen<String> seed = corpusLine(corpus);
        Gen<List<String>> mutated = r -> {
            List<String> tokens = Tokens.split(seed.next(r));
            for (Mutation m : mutations.next(r)) {
                tokens = m.apply(tokens);
            }
            return tokens;
        };
        Gen<List<String>> asIs = seed.map(Tokens::split);
        Gen<List<String>> random = token.list(1, 9);
        Gen<String> separator = Gen.of(" ", " ", " ", "  ", "\t", " \u000b ");
        Gen<List<String>> tokenLists = Gen.frequency(Gen.weight(2, asIs), Gen.weight(7, mutated), Gen.weight(2, random));
        Gen<String> line = r -> String.join(separator.next(r), tokenLists.next(r));
        return line.filter(l -> {
            List<String> t = Tokens.split(l);
            return !t.isEmpty() && !endWords.contains(t.get(0));
        });
    }
}
