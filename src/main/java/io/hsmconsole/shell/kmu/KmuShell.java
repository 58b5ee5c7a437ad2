package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.shell.BoundedLines;
import io.hsmconsole.shell.Console;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.FileNameProblem;
import io.hsmconsole.shell.StoreFaults;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.ToolContext;
import io.hsmconsole.shell.admin.AuditTool;
import io.hsmconsole.shell.admin.ClusterTransfer;
import io.hsmconsole.shell.sim.Simulation;
import io.hsmconsole.text.KmuText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * key_mgmt_util over the simulator: parse a line, call the HSM, print what KMU prints. Runs the
 * tool's three modes (reference §0): interactive ({@code Command: } prompt), {@code singlecmd}
 * and {@code scriptfile}. The session ends with the run, so its session keys vanish.
 */
public final class KmuShell {
    private final Map<String, KmuCommand> commands = KmuCommands.all();
    private final KmuContext context;
    private final PrintWriter out;

    public KmuShell(HsmCluster cluster, Console console, Path workDir, HsmClock clock) {
        this.context = new KmuContext(cluster, console, workDir, clock);
        this.out = console.out();
    }

    /**
     * The key_mgmt_util tool: {@code cluster …} works on the data folder's clusters; every other mode
     * opens the chosen cluster first.
     */
    public static ExitStatus tool(ToolContext tool, List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("cluster")) {
            return new ClusterTransfer(tool).run(args.subList(1, args.size()));
        }
        try (HsmCluster cluster = tool.openCluster()) {
            return new KmuShell(cluster, tool.console(), tool.workDir(), tool.clock()).run(args);
        }
    }

    /** Each command name with its options, for tab completion. */
    public static Map<String, Set<String>> completions() {
        Map<String, Set<String>> names = new TreeMap<>();
        KmuCommands.all().forEach((name, c) -> names.put(name, c.options().names()));
        names.put("help", Set.of());
        names.put("exit", Set.of());
        return names;
    }

    /**
     * Runs the mode the arguments name: none = interactive, {@code singlecmd …}, {@code scriptfile FILE},
     * or (simulator only) {@code simulate …} and {@code audit …}.
     */
    public ExitStatus run(List<String> args) {
        try {
            List<String> mode = !args.isEmpty() && args.get(0).equals("Cfm3Util") ? args.subList(1, args.size()) : args;
            if (mode.isEmpty()) {
                return interactive();
            }
            if (mode.get(0).equals("singlecmd") && mode.size() > 1) {
                return singleCommand(mode.subList(1, mode.size()));
            }
            if (mode.get(0).equals("scriptfile") && mode.size() == 2) {
                return scriptFile(mode.get(1));
            }
            if (mode.get(0).equals("simulate")) {
                return new Simulation(context.cluster(), out).run(mode.subList(1, mode.size()));
            }
            if (mode.get(0).equals("translate")) {
                return new TranslateMode(context.cluster(), out).run(mode.subList(1, mode.size()));
            }
            if (mode.get(0).equals("audit")) {
                return new AuditTool(context.cluster(), out, context.workDir()).run(mode.subList(1, mode.size()));
            }
            unknownArguments();
            return ExitStatus.USAGE;
        } finally {
            context.endSession();
            out.flush();
        }
    }

    private ExitStatus interactive() {
        ExitStatus last = ExitStatus.SUCCESS;
        while (true) {
            String line = context.console().readLine(KmuText.PROMPT);
            if (line == null) {
                return last;
            }
            List<String> tokens = Tokens.split(line);
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.get(0).equals("exit")) {
                return last;
            }
            last = StoreFaults.survive(out, () -> execute(tokens));
            out.flush();
        }
    }

    /**
     * {@code singlecmd [loginHSM -u CU -s <user> -p <password>] <command>}: with more than 7 tokens
     * after {@code singlecmd} and {@code loginHSM} first, the next 7 log in (8 with {@code -2fa}); the
     * rest is one command, echoed as {@code Command:} then {@code " token "} each.
     */
    private ExitStatus singleCommand(List<String> tokens) {
        List<String> command = tokens;
        if (tokens.size() > 7 && tokens.get(0).equals("loginHSM")) {
            int loginTokens = tokens.subList(0, 8).contains("-2fa") ? 8 : 7;
            ExitStatus login = execute(tokens.subList(0, loginTokens));
            if (login != ExitStatus.SUCCESS) {
                return login;
            }
            command = tokens.subList(loginTokens, tokens.size());
        }
        StringBuilder echo = new StringBuilder("Command:");
        command.forEach(t -> echo.append(' ').append(t).append(' '));
        out.println(echo);
        return command.get(0).equals("exit") ? ExitStatus.SUCCESS : execute(command);
    }

    /**
     * {@code scriptfile FILE}: {@code #} lines are echoed as comments, {@code shell …} lines run in
     * {@code sh}, every other line is echoed and run. {@code exit} ends the script. The file is read a
     * line at a time ({@link BoundedLines}): a line that is too long or not text stops the script there,
     * with one line saying which and why (the lines before it have run).
     */
    private ExitStatus scriptFile(String name) {
        BufferedReader reader;
        try {
            // Decoded with replacement, so a byte that is not UTF-8 is found on its own line (BoundedLines).
            reader = new BufferedReader(new InputStreamReader(java.nio.file.Files.newInputStream(context.file(name)),
                    StandardCharsets.UTF_8));
        } catch (IOException | InvalidPathException e) {
            out.printf("%n\tError: Failed to open script file %s. %n", name);
            return ExitStatus.ERROR;
        }
        try (reader) {
            BoundedLines lines = new BoundedLines(reader);
            ExitStatus last = ExitStatus.SUCCESS;
            for (String line = lines.next(); line != null; line = lines.next()) {
                List<String> tokens = Tokens.split(line);
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    out.printf("Comment: %s %n", line);
                } else if (!tokens.isEmpty() && tokens.get(0).equals("shell")) {
                    last = shell(line.strip().substring("shell".length()).strip());
                } else {
                    out.printf("Command String: %s %n", line);
                    if (!tokens.isEmpty() && tokens.get(0).equals("exit")) {
                        break;
                    }
                    if (!tokens.isEmpty()) {
                        last = execute(tokens);
                    }
                }
                out.flush();
            }
            return last;
        } catch (BoundedLines.BadLineException e) {
            out.printf("%n\tError: line %d of script file %s %s; the script stopped there. %n", e.lineNumber(), name,
                    e.problem());
            return ExitStatus.ERROR;
        } catch (IOException e) {
            out.printf("%n\tError: cannot read script file %s: %s %n", name, e.getMessage());
            return ExitStatus.ERROR;
        }
    }

    private ExitStatus shell(String command) {
        out.printf("%n%s%n", command);
        out.flush();
        try {
            Process process = new ProcessBuilder("sh", "-c", command).directory(context.workDir().toFile())
                    .redirectErrorStream(true).start();
            try (InputStream in = process.getInputStream()) {
                out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return ExitStatus.of(process.waitFor() == 0);
        } catch (IOException e) {
            out.printf("%n\tError: cannot run '%s': %s%n", command, e.getMessage());
            return ExitStatus.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.ERROR;
        }
    }

    /**
     * The line as it may be shown or kept: the value of each secret option ({@code loginHSM -p}) is
     * replaced by {@code <password>}, as the console's own actions print it. A line without secrets
     * is returned as typed.
     */
    public static String withSecretsHidden(String line) {
        List<String> tokens = Tokens.split(line);
        KmuCommand command = tokens.isEmpty() ? null : KmuCommands.all().get(tokens.get(0));
        if (command == null || command.secretOptions().isEmpty()) {
            return line;
        }
        StringBuilder shown = new StringBuilder(tokens.get(0));
        for (int i = 1; i < tokens.size(); i++) {
            boolean secret = command.secretOptions().contains(tokens.get(i - 1));
            shown.append(' ').append(secret ? "<password>" : tokens.get(i));
        }
        return shown.toString();
    }

    /** Who this shell's own session belongs to (as loginHSM made it); empty when nobody is logged in. */
    public Optional<UserInfo> loggedInUser() {
        return context.session().filter(HsmSession::isOpen).map(HsmSession::user);
    }

    /** One command line, already split. */
    ExitStatus execute(List<String> tokens) {
        String name = tokens.get(0);
        KmuCommand command = commands.get(name);
        if (command == null) {
            out.println();
            out.print(HelpListing.text());
            return name.equals("help") ? ExitStatus.SUCCESS : ExitStatus.USAGE;
        }
        ParsedOptions options = command.options().parse(tokens.subList(1, tokens.size()));
        if (options.isHelp()) {
            out.print(command.help());
            return options.helpWasAsked() ? ExitStatus.SUCCESS : ExitStatus.USAGE;
        }
        try {
            return command.execute(options, context);
        } catch (InvalidPathException e) {
            // A file name the system cannot use (a NUL character, say): this command fails, the session goes on.
            out.printf("%n\tError: %s%n", FileNameProblem.describe(e));
            return ExitStatus.ERROR;
        }
    }


    private void unknownArguments() {
        out.printf("%n\tError: Unknown commandline arguments. %n");
        out.printf("\t\tIf you want to script a command, use the following format: %n");
        out.printf("\t\t\t\"Cfm3Util singlecmd <command>\" %n");
        out.printf("\t\tWhere <command> is the full command you would type when %n");
        out.printf("\t\tyou are using Cfm3Util in the normal interactive mode.%n");
        out.printf("%n%n");
        out.printf("\t\tIf you want to script a CU authorised command,%n");
        out.printf("\t\tuse the following format: %n");
        out.printf("\t\t\t\"Cfm3Util singlecmd [loginHSM -u <CU> -s <username> -p <password>] <command>\" %n");
        out.printf("\t\tTo run a file of commands: \"key_mgmt_util scriptfile <file>\" %n");
        out.printf("\t\tSimulator tools: \"key_mgmt_util simulate -h\", \"audit -h\", \"cluster -h\" %n");
        out.printf("%n");
    }
}
