package io.hsmconsole.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A golden transcript file, parsed. See {@link GoldenTranscriptTest} for the format.
 */
final class Transcript {
    /** One step: a directive with its argument and the lines of its block. */
    record Step(String directive, String argument, List<String> block) {
        /** The block as text: its lines, each ended by a newline (nothing for an empty block). */
        String text() {
            StringBuilder s = new StringBuilder();
            block.forEach(l -> s.append(l).append('\n'));
            return s.toString();
        }
    }

    static final String MARK = "@@ ";

    private final List<Step> steps;

    private Transcript(List<Step> steps) {
        this.steps = steps;
    }

    List<Step> steps() {
        return steps;
    }

    static Transcript parse(String content) {
        List<Step> steps = new ArrayList<>();
        String directive = null;
        String argument = null;
        List<String> block = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        int end = lines.length;
        if (end > 0 && lines[end - 1].isEmpty()) {
            end--; // the file's final newline ends the last line; it is not an extra empty line
        }
        for (int i = 0; i < end; i++) {
            String line = lines[i];
            if (line.startsWith(MARK)) {
                if (directive != null) {
                    steps.add(new Step(directive, argument, List.copyOf(block)));
                }
                String rest = line.substring(MARK.length()).strip();
                int space = rest.indexOf(' ');
                directive = space < 0 ? rest : rest.substring(0, space);
                argument = space < 0 ? "" : rest.substring(space + 1).strip();
                block = new ArrayList<>();
            } else if (directive != null) {
                block.add(line);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                throw new IllegalArgumentException("text before the first @@ directive: " + line);
            }
        }
        if (directive != null) {
            steps.add(new Step(directive, argument, List.copyOf(block)));
        }
        return new Transcript(steps);
    }
}
