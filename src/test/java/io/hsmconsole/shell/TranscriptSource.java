package io.hsmconsole.shell;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a golden transcript's expected output comes from, as its first line says:
 * <ul>
 *   <li>{@code # aws: key_mgmt_util-genSymKey.md, key_mgmt_util-getKeyInfo.md} — it replays the
 *       examples of these pages of the AWS CloudHSM user guide ({@code doc_source/}); its output is
 *       the pages' output (with the simulator's handles and nodes). A page names a command
 *       ({@code <tool>-<command>.md}); the transcript must run that tool and that command.</li>
 *   <li>{@code # ours: why} — our own snapshot: behaviour no AWS page shows (errors, refusals,
 *       simulator-only tools). A change to it is a change to our product, not a fix towards AWS.</li>
 * </ul>
 */
record TranscriptSource(List<String> awsPages, String ours) {
    private static final Pattern AWS = Pattern.compile("# aws: (.+)");
    private static final Pattern OURS = Pattern.compile("# ours: (\\S.*)");
    private static final Pattern PAGE = Pattern.compile("(key_mgmt_util|cloudhsm_mgmt_util)-([A-Za-z0-9]+)\\.md");
    /** A CloudHSM CLI page names its command with hyphens: cloudhsm_cli-key-generate-symmetric-aes.md. */
    private static final Pattern CLI_PAGE = Pattern.compile("cloudhsm_cli-([a-z0-9-]+)\\.md");
    /** CloudHSM CLI guide pages that show several commands: only the tool must run. */
    private static final Pattern CLI_GUIDE = Pattern.compile("(manage-keys-cloudhsm-cli-[a-z-]+|cli-users|"
            + "cloudhsm-cli-share-keys|quorum-auth-chsm-cli(-[a-z-]+)?)\\.md");
    /** The quorum pages abbreviate their commands' names (cloudhsm_cli-qm-token-gen.md is quorum token-sign generate). */
    private static final java.util.Map<String, String> CLI_ABBREVIATED = java.util.Map.of(
            "qm-token-gen", "quorum-token-sign-generate",
            "qm-token-list", "quorum-token-sign-list",
            "qm-token-del", "quorum-token-sign-delete",
            "qm-token-list-qm", "quorum-token-sign-list-quorum-values",
            "qm-token-set-qm", "quorum-token-sign-set-quorum-value",
            "qm-token-list-tm", "quorum-token-sign-list-timeouts",
            "qm-token-set-tm", "quorum-token-sign-set-timeout",
            "user-chqm-token-reg", "user-change-quorum-token-sign-register");
    /** cloudhsm_mgmt_util guide pages that show several commands (the quorum pages): only the tool must run. */
    private static final Pattern CMU_GUIDE = Pattern.compile("quorum-authentication(-crypto-officers"
            + "(-first-time-setup|-change-minimum-value)?)?\\.md");
    private static final String CMU_TOOL = "cloudhsm_mgmt_util";
    static final String CLI_TOOL = "cloudhsm-cli";
    /** cloudhsm_cli-*.md pages about the tool rather than one command. */
    private static final java.util.Set<String> CLI_NOT_COMMANDS = java.util.Set.of("modes", "getting-started", "reference");

    /** The source named on the first line; an exception says what the line must look like. */
    static TranscriptSource of(String content) {
        String first = content.lines().findFirst().orElse("");
        Matcher aws = AWS.matcher(first);
        if (aws.matches()) {
            List<String> pages = Arrays.stream(aws.group(1).split(",")).map(String::strip).toList();
            for (String page : pages) {
                if (!PAGE.matcher(page).matches() && !CLI_PAGE.matcher(page).matches() && !CLI_GUIDE.matcher(page).matches()
                        && !CMU_GUIDE.matcher(page).matches()) {
                    throw new IllegalArgumentException("'" + page + "' is not an AWS command page"
                            + " (key_mgmt_util-<command>.md or cloudhsm_mgmt_util-<command>.md)");
                }
            }
            return new TranscriptSource(pages, null);
        }
        Matcher ours = OURS.matcher(first);
        if (ours.matches()) {
            return new TranscriptSource(List.of(), ours.group(1));
        }
        throw new IllegalArgumentException("the first line must say where the expected output comes from:"
                + " '# aws: <tool>-<command>.md[, …]' or '# ours: <why>', not '" + first + "'");
    }

    boolean fromAws() {
        return !awsPages.isEmpty();
    }

    /** Fails unless the transcript runs the tool and the command of every page it names. */
    void checkRunBy(Transcript transcript) {
        for (String page : awsPages) {
            if (CLI_PAGE.matcher(page).matches() || CLI_GUIDE.matcher(page).matches()) {
                checkCliRunBy(transcript, page);
                continue;
            }
            if (CMU_GUIDE.matcher(page).matches()) {
                if (transcript.steps().stream().noneMatch(s -> s.directive().equals("run") && s.argument().startsWith(CMU_TOOL))) {
                    throw new IllegalArgumentException("the transcript names " + page + " but does not run " + CMU_TOOL);
                }
                continue;
            }
            Matcher m = PAGE.matcher(page);
            if (!m.matches()) {
                throw new IllegalStateException(page);
            }
            String tool = m.group(1);
            String command = m.group(2);
            boolean toolRuns = transcript.steps().stream()
                    .anyMatch(s -> s.directive().equals("run") && s.argument().startsWith(tool));
            boolean commandRuns = transcript.steps().stream()
                    .filter(s -> s.directive().equals("run") || s.directive().equals("stdin")
                            || s.directive().equals("write"))
                    .flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.argument()),
                            s.block().stream()))
                    // The page's name may differ in case from the command (key_mgmt_util-unwrapKey.md is unWrapKey's).
                    .anyMatch(line -> Tokens.split(line).stream().anyMatch(command::equalsIgnoreCase));
            if (!toolRuns || !commandRuns) {
                throw new IllegalArgumentException("the transcript names " + page + " but does not run " + tool
                        + " with " + command);
            }
        }
    }

    /**
     * A CloudHSM CLI page: the tool runs, and (for a command page) some input line holds the command's
     * words, compared hyphen-joined ({@code key generate-symmetric aes} for …-key-generate-symmetric-aes.md).
     */
    private static void checkCliRunBy(Transcript transcript, String page) {
        boolean toolRuns = transcript.steps().stream()
                .anyMatch(s -> s.directive().equals("run") && s.argument().startsWith(CLI_TOOL));
        Matcher m = CLI_PAGE.matcher(page);
        String command = m.matches() ? CLI_ABBREVIATED.getOrDefault(m.group(1), m.group(1)) : "";
        boolean commandRuns = !m.matches() || CLI_NOT_COMMANDS.contains(m.group(1)) || transcript.steps().stream()
                .filter(s -> s.directive().equals("run") || s.directive().equals("stdin"))
                .flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.argument()), s.block().stream()))
                .anyMatch(line -> (String.join("-", Tokens.split(line.replace("aws-cloudhsm >", ""))) + "-")
                        .contains(command + "-"));
        if (!toolRuns || !commandRuns) {
            throw new IllegalArgumentException("the transcript names " + page + " but does not run " + CLI_TOOL
                    + (m.matches() ? " with " + command.replace('-', ' ') : ""));
        }
    }
}
