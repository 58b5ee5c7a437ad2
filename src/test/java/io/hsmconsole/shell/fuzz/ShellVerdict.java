package io.hsmconsole.shell.fuzz;

import io.hsmconsole.shell.ExitStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oracle of the shell fuzzers: whether what a shell answered to one input is one of the
 * answers the tools document, judged from the outside (the exit status and the printed text):
 * <ul>
 * <li>a usage error is exit status 2 with the command's help text (KMU, CMU) or the command
 * listing (an unknown command), and the HSM is not asked (no result line);</li>
 * <li>an HSM refusal is exit status 1 with a return code listed in {@code docs/return-codes.md},
 * printed with exactly the text listed there;</li>
 * <li>a tool error (a file that cannot be read, a refused login …) is exit status 1 with one of the
 * messages the caller knows ({@code toolErrors});</li>
 * <li>a success is exit status 0 with the HSM's SUCCESS, a report (informational commands), the
 * help that was asked for, or (CMU) a confirmation the user declined, and no error.</li>
 * </ul>
 * Anything else fails: a stack trace, silence, a code or text that is not documented, an unknown
 * message, an exit status that contradicts the text.
 */
public final class ShellVerdict {
    /** {@code Cfm3X returned: 0x00 : HSM Return: SUCCESS}, and getCert's {@code returned 0 :HSM Return: …}. */
    private static final Pattern KMU_RESULT = Pattern.compile("(?m)^\t(\\S+) returned:? (0x[0-9a-f]+|\\d+) ?: ?(HSM .*?)\\s*$");
    /** {@code Node id 0 and err state 0x000000a8 : HSM Error: …}. */
    private static final Pattern KMU_NODE = Pattern.compile("(?m)^\tNode id \\d+ and err state (0x[0-9a-f]{8}) : (.*?)\\s*$");
    /** A stack frame line ({@code \tat io.x.Y.m(Y.java:1)}); anchored, so it stays fast on long outputs. */
    private static final Pattern FRAME = Pattern.compile("(?m)^\\s+at [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");
    /** A client-side error line as the tools print it. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\s*Error: .*$");
    /** {@code shareKey success on server 0(10.0.0.1)}, {@code Key Info on server 1(10.0.0.2):} … */
    private static final Pattern CMU_SERVER_ANSWER = Pattern.compile(
            // Not inside a tool's own "X failed: …" line, which may quote a file that holds server answers.
            "(?m)^(?!\\S+ failed: ).* on server \\d+\\(\\d+\\.\\d+\\.\\d+\\.\\d+\\)");
    /** {@code createUser failed: HSM Error: …}, {@code shareKey failed on server 0(10.0.0.1): HSM Error: …}. */
    private static final Pattern CMU_FAILED = Pattern.compile("(?m)^(\\S+) failed(?: on server \\S+)?: (.*?)\\s*$");
    /**
     * createUser's and changePswd's whole report when every server did it, as their pages print it:
     * {@code Creating User alice(CO) on 3 nodes}, {@code Changing password for bob(CU) on 2 nodes}.
     */
    private static final Pattern CMU_USER_REPORT = Pattern.compile(
            "(?m)^(Creating User|Changing password for) \\S+\\(\\w+\\) on \\d+ nodes$|^Setting M Value\\(\\d+\\) for \\d on \\d+ nodes$");
    /** An answer saved to a file ({@code getAttribute … FILE}, {@code findAllKeys … FILE}). */
    private static final Pattern SAVED = Pattern.compile("(?m) written to file ");
    /** The output ends at a confirmation answered n (or not at all): the user declined, nothing is done. */
    private static final Pattern DECLINED = Pattern.compile("Do you want to continue\\(y/n\\)\\?\\s*n?\\s*$");
    private static final Pattern DOC_ROW = Pattern.compile("(?m)^\\| `(0x[0-9a-f]+)` \\| \\w+ \\| `(.*)` \\| [^|]+ \\|$");
    private static final Map<Long, String> DOCUMENTED = documentedCodes(Path.of("docs", "return-codes.md"));

    private ShellVerdict() {
    }

    /**
     * One input and the shell's answer. {@code commandHelp} is null for an unknown command, whose
     * help is {@code listing}; {@code syntaxOk} says whether the line follows the command's syntax,
     * judged by the test rather than the shell (false for an unknown command); {@code toolErrors}
     * are the tool's own error messages (regular expressions).
     */
    public record Answer(String line, ExitStatus status, String output, String commandHelp, String listing,
                         boolean informational, boolean helpAsked, boolean syntaxOk, List<Pattern> toolErrors) {
        String help() {
            return commandHelp == null ? listing : commandHelp;
        }
    }

    /** Empty when the key_mgmt_util answer is one the tool documents; else what is wrong with it. */
    public static Optional<String> kmu(Answer a) {
        Optional<String> basic = traceOrSilence(a.output());
        if (basic.isPresent()) {
            return basic;
        }
        List<Long> results = new ArrayList<>();
        Optional<String> undocumented = kmuCodes(a.output(), results);
        if (undocumented.isPresent()) {
            return undocumented;
        }
        if (a.helpAsked() || !a.syntaxOk() || a.status() == ExitStatus.USAGE) {
            return helpOrUsage(a, !results.isEmpty());
        }
        long last = results.isEmpty() ? -1 : results.get(results.size() - 1);
        if (a.status() == ExitStatus.ERROR) {
            return last > 0 ? Optional.empty() : knownToolError(a.output(), a.toolErrors());
        }
        if (ERROR_LINE.matcher(a.output()).find()) {
            return wrong("a success must not print an error", a.output());
        }
        if (!results.isEmpty()) {
            return last == 0 ? Optional.empty() : wrong("a success must end with the HSM's SUCCESS", a.output());
        }
        return a.informational() ? Optional.empty()
                : wrong("a success without the HSM's answer or the command's report", a.output());
    }

    /** Empty when the cloudhsm_mgmt_util answer is one the tool documents; else what is wrong with it. */
    public static Optional<String> cmu(Answer a) {
        Optional<String> basic = traceOrSilence(a.output());
        if (basic.isPresent()) {
            return basic;
        }
        List<String> failures = new ArrayList<>();
        Matcher failed = CMU_FAILED.matcher(a.output());
        while (failed.find()) {
            if (!DOCUMENTED.containsValue(failed.group(2)) && !known(failed.group(0), a.toolErrors())) {
                return wrong("'" + failed.group(0) + "' is neither a code of docs/return-codes.md nor a known error",
                        a.output());
            }
            failures.add(failed.group(0));
        }
        boolean serversAsked = CMU_SERVER_ANSWER.matcher(a.output()).find();
        if (a.helpAsked() || !a.syntaxOk() || a.status() == ExitStatus.USAGE) {
            return helpOrUsage(a, serversAsked);
        }
        if (a.status() == ExitStatus.ERROR) {
            return !failures.isEmpty() ? Optional.empty() : knownToolError(a.output(), a.toolErrors());
        }
        boolean declined = DECLINED.matcher(a.output()).find();
        if (!failures.isEmpty() || ERROR_LINE.matcher(a.output()).find()) {
            return wrong("a success must not report a failure", a.output());
        }
        if (declined && serversAsked) {
            return wrong("a declined confirmation must not reach the servers", a.output());
        }
        return serversAsked || declined || a.informational() || SAVED.matcher(a.output()).find()
                || CMU_USER_REPORT.matcher(a.output()).find() ? Optional.empty()
                : wrong("a success without the servers' answers or the command's report", a.output());
    }

    /**
     * The rules both shells share: help that is asked for is the help text and exit 0; a line the
     * syntax does not allow is a usage error; a usage error prints the help text and asks no HSM.
     */
    private static Optional<String> helpOrUsage(Answer a, boolean hsmAsked) {
        if (a.helpAsked()) {
            return a.status() == ExitStatus.SUCCESS && a.output().contains(a.help()) && !hsmAsked ? Optional.empty()
                    : wrong("help that is asked for is the help text and exit 0, not " + a.status(), a.output());
        }
        if (a.status() != ExitStatus.USAGE) {
            return wrong("a line the syntax does not allow is a usage error (exit 2), not " + a.status(), a.output());
        }
        if (!a.output().contains(a.help())) {
            return wrong("a usage error must print the command's help text", a.output());
        }
        return hsmAsked ? wrong("a usage error must not reach the HSM", a.output()) : Optional.empty();
    }

    /** Every result line and node line must carry a documented code with its documented text. */
    private static Optional<String> kmuCodes(String output, List<Long> results) {
        Matcher m = KMU_RESULT.matcher(output);
        while (m.find()) {
            long code = m.group(2).startsWith("0x") ? Long.parseLong(m.group(2).substring(2), 16) : Long.parseLong(m.group(2));
            // key_mgmt_util-deleteKey.md ends its 0xc6 sentence with a period; the text is the same
            if (!m.group(3).equals(DOCUMENTED.get(code)) && !m.group(3).equals(DOCUMENTED.get(code) + ".")) {
                return wrong("result " + m.group(2) + " '" + m.group(3) + "' is not in docs/return-codes.md", output);
            }
            results.add(code);
        }
        Matcher node = KMU_NODE.matcher(output);
        while (node.find()) {
            long code = Long.parseLong(node.group(1).substring(2), 16);
            if (!node.group(2).equals(DOCUMENTED.get(code))) {
                return wrong("node state " + node.group(1) + " '" + node.group(2) + "' is not in docs/return-codes.md", output);
            }
        }
        return Optional.empty();
    }

    /** An error the tool itself reports: one of the known messages. */
    private static Optional<String> knownToolError(String output, List<Pattern> toolErrors) {
        return known(output, toolErrors) ? Optional.empty()
                : wrong("exit 1 without a documented HSM code or a known tool error", output);
    }

    private static boolean known(String text, List<Pattern> toolErrors) {
        return toolErrors.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static Optional<String> traceOrSilence(String output) {
        Optional<String> trace = stackTrace(output);
        if (trace.isPresent()) {
            return trace;
        }
        return output.isBlank() ? Optional.of("no output at all") : Optional.empty();
    }

    /** A Java stack trace or exception text in what a user sees. */
    public static Optional<String> stackTrace(String output) {
        boolean trace = output.contains("Exception") || output.contains("Caused by: ") || FRAME.matcher(output).find();
        return trace ? Optional.of("a stack trace or exception text:\n" + output) : Optional.empty();
    }

    private static Optional<String> wrong(String what, String output) {
        return Optional.of(what + ":\n" + output);
    }

    /** The table of docs/return-codes.md: code to text. */
    static Map<Long, String> documentedCodes(Path doc) {
        try {
            Map<Long, String> codes = new LinkedHashMap<>();
            Matcher m = DOC_ROW.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                codes.put(Long.parseLong(m.group(1).substring(2), 16), m.group(2).replace("\\|", "|"));
            }
            if (codes.size() < 10) {
                throw new IllegalStateException(doc + " lists only " + codes.size() + " return codes");
            }
            return Map.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
