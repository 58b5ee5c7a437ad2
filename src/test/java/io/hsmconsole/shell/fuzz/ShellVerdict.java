package io.hsmconsole.shell.fuzz;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a shell answered an input: the oracle of the shell fuzzers. An answer is the command's
 * help text (a usage error, or {@code -h}), the list of commands (an unknown command), a line
 * naming an error, or the HSM's result (KMU: {@code Cfm3… returned: 0x..}; CMU: per-server
 * {@code success}/{@code failed} lines or the command's own report). Silence, or a Java stack
 * trace, is never an answer.
 */
public final class ShellVerdict {
    /** {@code Cfm3X returned: 0x00 : HSM Return: SUCCESS}, and getCert's {@code returned 0 :HSM Return: …}. */
    private static final Pattern KMU_RESULT = Pattern.compile("(?m)^\t\\S+ returned:? (0x[0-9a-f]+|\\d+) ?: ?HSM (Return|Error|CLUSTER ERROR)");
    /** {@code shareKey success on server 0(10.0.0.1)}, {@code Key Info on server 1(10.0.0.2):} … */
    private static final Pattern CMU_SERVER_ANSWER = Pattern.compile("(?m) on server \\d+\\(\\d+\\.\\d+\\.\\d+\\.\\d+\\)");
    /** An answer saved to a file ({@code getAttribute … FILE}, {@code findAllKeys … FILE}, {@code -out}). */
    private static final Pattern SAVED = Pattern.compile("(?i)(written to|dumped into) (the )?file");
    /** CMU's own refusals that name no error: a token number that is not of this session (delToken, approveToken). */
    private static final Pattern CMU_REFUSAL = Pattern.compile("(?m)^\\S+ is not a token of this session\\.");
    private static final String CMU_HELP = "\nDescription\n===========\n";
    private static final String CMU_LISTING = "Help Commands Available:";
    private static final Pattern ERROR_LINE = Pattern.compile("(?mi)^\\s*(Error|.*\\berror\\b|.*\\bfailed\\b)");
    /** A stack frame line ({@code \tat io.x.Y.m(Y.java:1)}); anchored, so it stays fast on long outputs. */
    private static final Pattern FRAME = Pattern.compile("(?m)^\\s+at [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");

    private ShellVerdict() {
    }

    /** Empty when {@code output} answers a key_mgmt_util input; else what is wrong with it. */
    public static Optional<String> kmu(String output, String commandHelp, String helpListing) {
        return kmu(output, commandHelp, helpListing, false);
    }

    /**
     * As {@link #kmu(String, String, String)}; {@code informational} commands (loginStatus,
     * listAttributes, Error2String …) answer with what they report, so any output is their answer.
     */
    public static Optional<String> kmu(String output, String commandHelp, String helpListing, boolean informational) {
        Optional<String> trace = stackTrace(output);
        if (trace.isPresent()) {
            return trace;
        }
        if (output.isBlank()) {
            return Optional.of("no output at all");
        }
        if (informational || KMU_RESULT.matcher(output).find() || (commandHelp != null && output.contains(commandHelp))
                || output.contains(helpListing) || ERROR_LINE.matcher(output).find()) {
            return Optional.empty();
        }
        return Optional.of("neither help, an error nor an HSM result:\n" + output);
    }

    /**
     * Empty when {@code output} answers a cloudhsm_mgmt_util input; else what is wrong with it.
     * {@code informational} commands (listUsers, getHSMInfo …) answer with their report.
     */
    public static Optional<String> cmu(String output, boolean informational) {
        Optional<String> trace = stackTrace(output);
        if (trace.isPresent()) {
            return trace;
        }
        if (output.isBlank()) {
            return Optional.of("no output at all");
        }
        if (informational || CMU_SERVER_ANSWER.matcher(output).find() || SAVED.matcher(output).find()
                || CMU_REFUSAL.matcher(output).find() || output.contains(CMU_HELP) || output.contains(CMU_LISTING)
                || ERROR_LINE.matcher(output).find()) {
            return Optional.empty();
        }
        return Optional.of("neither help, an error nor the servers' answers:\n" + output);
    }

    /** A Java stack trace or exception text in what a user sees. */
    public static Optional<String> stackTrace(String output) {
        boolean trace = output.contains("Exception") || output.contains("Caused by: ") || FRAME.matcher(output).find();
        return trace ? Optional.of("a stack trace or exception text:\n" + output) : Optional.empty();
    }
}
