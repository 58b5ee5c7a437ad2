package io.hsmconsole.shell.cli;

import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.shell.Console;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.ToolContext;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliRoles;
import io.hsmconsole.text.cli.CliSyntaxes;
import io.hsmconsole.text.cli.CliUsageText;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudHSM CLI (Client SDK 5's {@code cloudhsm-cli}) over the simulator
 * (cloudhsm_cli-modes.md): {@code interactive} (prompt {@code aws-cloudhsm > }, {@code help},
 * {@code quit}) or one command given as arguments, logged in from {@code CLOUDHSM_ROLE} and
 * {@code CLOUDHSM_PIN=<user>:<password>}. Every answer is one JSON document on standard output (exit
 * 0, or 1 when refused); a command line it cannot read gets clap's usage text (exit 2). It shares
 * nothing with key_mgmt_util's syntax, only the simulator: the same keys, users and rules.
 */
public final class CliShell {
    public static final String ROLE_VARIABLE = "CLOUDHSM_ROLE";
    public static final String PIN_VARIABLE = "CLOUDHSM_PIN";

    private final CliCommands commands = new CliCommands();
    private final CliContext context;
    private final Map<String, String> env;
    private final PrintWriter err;

    CliShell(HsmCluster cluster, Console console, Map<String, String> env, PrintWriter err) {
        this(cluster, console, Path.of("").toAbsolutePath(), env, err);
    }

    CliShell(HsmCluster cluster, Console console, Path workDir, Map<String, String> env, PrintWriter err) {
        this(cluster, console, workDir, AvailabilityCheck.ON, env, err);
    }

    CliShell(HsmCluster cluster, Console console, Path workDir, AvailabilityCheck availability, Map<String, String> env,
             PrintWriter err) {
        this.context = new CliContext(cluster, console, workDir, availability);
        this.env = env;
        this.err = err;
    }

    /** The tool: opens the chosen cluster, runs the mode, ends the session; the data folder's configure-cli settings apply. */
    public static ShellLauncher.Tool tool(Map<String, String> env, PrintWriter err) {
        return tool(env, err, AvailabilityCheck.ON);
    }

    /**
     * As above, run by a client daemon started with {@code daemon} as its key availability setting: its
     * {@code --disable-key-availability-check} turns the check off for the commands it serves, whatever
     * configure-cli set; otherwise configure-cli's setting applies, as in a JVM of the tool's own.
     */
    public static ShellLauncher.Tool tool(Map<String, String> env, PrintWriter err, AvailabilityCheck daemon) {
        return (ToolContext tool, List<String> args) -> {
            AvailabilityCheck availability = CliConfiguration.read(tool.catalog().dataDirectory()).with(daemon);
            try (HsmCluster cluster = tool.openCluster()) {
                return new CliShell(cluster, tool.console(), tool.workDir(), availability, env, err).run(args);
            }
        };
    }

    /**
     * The interactive mode inside another program (the console's pane): its own session on
     * {@code cluster}, the data folder's configure-cli setting, output to {@code console}. Run it with
     * {@link #runInteractive()}; it ends at {@code quit} or when the console's input ends.
     */
    public static CliShell embedded(HsmCluster cluster, Console console, Path workDir, DataDirectory data) {
        return new CliShell(cluster, console, workDir, CliConfiguration.read(data).with(AvailabilityCheck.ON), Map.of(),
                console.out());
    }

    /** {@code cloudhsm-cli interactive}. */
    public ExitStatus runInteractive() {
        return run(List.of("interactive"));
    }

    /** Who this shell's own session belongs to (as its login made it); empty when nobody is logged in. */
    public Optional<UserInfo> loggedInUser() {
        return context.session().map(HsmSession::user);
    }

    /** Command names (first words) with what may follow them, for tab completion. */
    public static Map<String, Set<String>> completions() {
        return new CliCommands().completions();
    }

    ExitStatus run(List<String> args) {
        try {
            if (args.isEmpty()) {
                return usage(help(List.of()), err);
            }
            if (args.get(0).equals("interactive")) {
                if (args.size() > 1) {
                    return usage(CliUsageText.unrecognizedSubcommand(args.get(1), CliUsageText.PROGRAM), err);
                }
                return interactive();
            }
            Optional<ExitStatus> login = loginFromEnvironment();
            return login.orElseGet(() -> execute(args, err));
        } finally {
            context.endSession();
            context.out().flush();
            err.flush();
        }
    }

    /**
     * Single-command mode logs in first when both variables are set; a failed login is the answer
     * (empty when logged in, or when there are no credentials to use).
     */
    private Optional<ExitStatus> loginFromEnvironment() {
        String role = env.get(ROLE_VARIABLE);
        String pin = env.get(PIN_VARIABLE);
        if (role == null || pin == null || role.isBlank() || pin.isBlank()) {
            return Optional.empty();
        }
        int colon = pin.indexOf(':');
        if (colon <= 0) {
            return Optional.of(context.error(CliMessages.BAD_PIN));
        }
        String trimmedRole = role.strip();
        if (CliRoles.type(trimmedRole).isEmpty()) {
            return Optional.of(context.error(CliMessages.badRole(trimmedRole)));
        }
        // Logged in quietly: the command's own answer is the output, unless the login is refused.
        HsmResult<HsmSession> login = LoginCommands.authenticate(context, pin.substring(0, colon), trimmedRole,
                pin.substring(colon + 1).toCharArray());
        return login.isSuccess() ? Optional.empty() : Optional.of(context.error(login.code()));
    }

    private ExitStatus interactive() {
        while (true) {
            String line = context.console().readLine(CliMessages.PROMPT);
            if (line == null) {
                return ExitStatus.SUCCESS;
            }
            // A line ending in a backslash goes on (the pages write long commands that way).
            while (line.endsWith("\\")) {
                String next = context.console().readLine("");
                line = line.substring(0, line.length() - 1) + " " + (next == null ? "" : next);
                if (next == null) {
                    break;
                }
            }
            List<String> words = CliWords.split(line);
            if (words == null) {
                context.out().println("error: unmatched quote in: " + line.strip());
                continue;
            }
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && (words.get(0).equals("quit") || words.get(0).equals("exit"))) {
                return ExitStatus.SUCCESS;
            }
            execute(words, context.out());
            context.out().flush();
        }
    }

    /** Runs one command line; usage errors and help for a group go to {@code usageOut}. */
    private ExitStatus execute(List<String> words, PrintWriter usageOut) {
        if (words.get(0).equals("help") || words.get(0).equals("--help") || words.get(0).equals("-h")) {
            return helpCommand(words.subList(1, words.size()), usageOut);
        }
        Optional<CliCommands.Found> found = commands.find(words);
        if (found.isEmpty()) {
            return notACommand(words, usageOut);
        }
        CliCommand command = found.get().command();
        try {
            CliArguments arguments = CliArguments.parse(command.syntax(), words.subList(found.get().words(), words.size()));
            if (arguments.helpRequested()) {
                context.out().print(CliUsageText.help(command.syntax()));
                return ExitStatus.SUCCESS;
            }
            return command.run(context, arguments);
        } catch (CliUsageException e) {
            return usage(e.text(), usageOut);
        }
    }

    private ExitStatus notACommand(List<String> words, PrintWriter usageOut) {
        String group = commands.group(words);
        int groupWords = group.isEmpty() ? 0 : group.split(" ").length;
        if (groupWords == words.size()) {
            return usage(help(words), usageOut); // a group without its command: clap shows the group's help
        }
        return usage(CliUsageText.unrecognizedSubcommand(words.get(groupWords),
                group.isEmpty() ? CliUsageText.PROGRAM : group), usageOut);
    }

    /** {@code help}, {@code help <group>}, {@code help <command>}. */
    private ExitStatus helpCommand(List<String> words, PrintWriter usageOut) {
        Optional<CliCommands.Found> found = commands.find(words);
        if (found.isPresent() && found.get().words() == words.size()) {
            context.out().print(CliUsageText.help(found.get().command().syntax()));
            return ExitStatus.SUCCESS;
        }
        String group = commands.group(words);
        int groupWords = group.isEmpty() ? 0 : group.split(" ").length;
        if (groupWords == words.size()) {
            context.out().print(help(words));
            return ExitStatus.SUCCESS;
        }
        return usage(CliUsageText.unrecognizedSubcommand(words.get(groupWords),
                group.isEmpty() ? CliUsageText.PROGRAM : group), usageOut);
    }

    private String help(List<String> groupWords) {
        String path = String.join(" ", groupWords);
        String about = CliSyntaxes.groups().getOrDefault(path, "");
        return CliUsageText.groupHelp(about, path.isEmpty() ? CliUsageText.PROGRAM : path, commands.children(path));
    }

    private static ExitStatus usage(String text, PrintWriter out) {
        out.print(text);
        out.flush();
        return ExitStatus.USAGE;
    }
}
