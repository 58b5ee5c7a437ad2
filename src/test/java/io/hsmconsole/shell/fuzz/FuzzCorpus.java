package io.hsmconsole.shell.fuzz;

import io.hsmconsole.shell.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The seed of the shell fuzzers: every command line the golden transcripts type into
 * key_mgmt_util or cloudhsm_mgmt_util (their standard input and their {@code singlecmd} commands),
 * i.e. valid and invalid lines someone thought worth testing. Handle and KCV placeholders become
 * plausible values; the fuzzer then mutates these lines.
 */
public final class FuzzCorpus {
    public static final String KMU = "key_mgmt_util";
    public static final String CMU = "cloudhsm_mgmt_util";
    private static final Pattern HANDLE = Pattern.compile("\\{H(?::([^}]*))?}");
    private static final Pattern KCV = Pattern.compile("\\{KCV(?::[^}]*)?}");
    private static final List<String> HANDLES = List.of("6", "7", "8", "9", "262150", "524296");

    private FuzzCorpus() {
    }

    /** The distinct lines typed into {@code tool}, in transcript order. */
    public static List<String> lines(String tool) {
        Set<String> lines = new LinkedHashSet<>();
        for (Path transcript : transcripts()) {
            collect(read(transcript), tool, lines);
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no " + tool + " lines found in the golden transcripts");
        }
        return List.copyOf(lines);
    }

    private static void collect(List<String> transcript, String tool, Set<String> into) {
        boolean runOfTool = false;
        boolean inStdin = false;
        for (String line : transcript) {
            if (line.startsWith("@@ ")) {
                inStdin = false;
                if (line.startsWith("@@ run ")) {
                    List<String> args = Tokens.split(line.substring("@@ run ".length()));
                    runOfTool = args.get(0).equals(tool);
                    if (runOfTool) {
                        singleCommand(args).ifPresent(into::add);
                    }
                } else if (line.equals("@@ stdin")) {
                    inStdin = runOfTool;
                }
            } else if (inStdin && !line.isBlank()) {
                into.add(substitute(line));
            }
        }
    }

    /** The command of {@code key_mgmt_util singlecmd [loginHSM … 7 tokens] <command>}. */
    private static java.util.Optional<String> singleCommand(List<String> args) {
        int at = args.indexOf("singlecmd");
        if (at < 0 || at + 1 >= args.size()) {
            return java.util.Optional.empty();
        }
        List<String> command = args.subList(at + 1, args.size());
        if (command.get(0).equals("loginHSM") && command.size() > 7) {
            command = command.subList(7, command.size());
        }
        return java.util.Optional.of(substitute(String.join(" ", command)));
    }

    private static String substitute(String line) {
        Matcher h = HANDLE.matcher(line);
        StringBuilder b = new StringBuilder();
        while (h.find()) {
            String name = h.group(1) == null ? "" : h.group(1);
            h.appendReplacement(b, HANDLES.get(Math.floorMod(name.hashCode(), HANDLES.size())));
        }
        h.appendTail(b);
        return KCV.matcher(b.toString()).replaceAll("0x66e94b");
    }

    private static List<Path> transcripts() {
        try {
            Path root = Path.of(FuzzCorpus.class.getResource("/transcripts").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
