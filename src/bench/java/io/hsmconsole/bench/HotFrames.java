package io.hsmconsole.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code jfr print} output of execution and native-method samples from standard input and
 * prints the hottest methods: the share of samples where the method is on the stack (total) and
 * where it is the top frame (self). Only samples whose stack contains the given marker count, so
 * JIT and JFR threads stay out. Arguments: marker, number of rows.
 */
public final class HotFrames {
    private static final Pattern FRAME = Pattern.compile("^\\s+([\\w.$<>]+)\\(");

    private HotFrames() {
    }

    public static void main(String[] args) throws IOException {
        String marker = args[0];
        int rows = Integer.parseInt(args[1]);
        List<List<String>> samples = read(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        int counted = 0;
        for (List<String> stack : samples) {
            if (stack.isEmpty() || stack.stream().noneMatch(f -> f.contains(marker))) {
                continue;
            }
            counted++;
            self.merge(stack.get(0), 1, Integer::sum);
            for (String f : new LinkedHashSet<>(stack)) {
                total.merge(f, 1, Integer::sum);
            }
        }
        System.out.println(counted + " samples of the " + marker + " thread");
        print("total", total, counted, rows);
        print("self", self, counted, rows);
    }

    private static List<List<String>> read(BufferedReader in) throws IOException {
        List<List<String>> samples = new ArrayList<>();
        List<String> current = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("jdk.")) {
                current = new ArrayList<>();
                samples.add(current);
                continue;
            }
            Matcher m = FRAME.matcher(line);
            if (current != null && m.find()) {
                current.add(m.group(1));
            }
        }
        return samples;
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
