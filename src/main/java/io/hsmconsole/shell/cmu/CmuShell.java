package io.hsmconsole.shell.cmu;

import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.cluster.NodeStatus;
import io.hsmconsole.shell.Console;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.StoreFaults;
import io.hsmconsole.shell.FileNameProblem;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.ToolContext;
import io.hsmconsole.text.CmuText;
import io.hsmconsole.text.NodeAddresses;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * cloudhsm_mgmt_util over the simulator: positional arguments, per-server answers, the CAUTION
 * banner and y/n confirmation before every change. Node {@code n} is server {@code n} at
 * {@code 10.0.0.(n+1)} (see {@link NodeAddresses}).
 */
public final class CmuShell {

    private final Map<String, CmuCommand> commands = commands();
    private final CmuContext context;

    public CmuShell(HsmCluster cluster, Console console, Path workDir, HsmClock clock) {
        this.context = new CmuContext(cluster, console, workDir, clock);
    }

    /** The cloudhsm_mgmt_util tool: opens the chosen cluster and runs the shell. */
    public static ExitStatus tool(ToolContext tool, List<String> args) {
        try (HsmCluster cluster = tool.openCluster()) {
            return new CmuShell(cluster, tool.console(), tool.workDir(), tool.clock()).run(args);
        }
    }

    static Map<String, CmuCommand> commands() {
        Map<String, CmuCommand> all = new LinkedHashMap<>();
        Stream.of(UserCommands.all(), KeyCommands.all(), QuorumCommands.all(), InfoCommands.all()).flatMap(List::stream)
                .forEach(c -> all.put(c.name(), c));
        return all;
    }

    /** Command names for tab completion (CMU's arguments are positional: no options to offer). */
    public static Map<String, Set<String>> completions() {
        Map<String, Set<String>> names = new TreeMap<>();
        commands().keySet().forEach(n -> names.put(n, Set.of()));
        names.put("help", Set.of());
        names.put("quit", Set.of());
        names.put("info", Set.of("server"));
        return names;
    }

    /** Interactive (or piped) session; one optional argument, the real tool's config file, is accepted and ignored. */
    public ExitStatus run(List<String> args) {
        if (args.size() > 1 || (args.size() == 1 && args.get(0).startsWith("-"))) {
            context.out().println("Usage: cloudhsm_mgmt_util [--data-dir DIR] [--cluster NAME] [<config file, ignored>]");
            context.out().flush();
            return ExitStatus.USAGE;
        }
        try {
            connect();
            ExitStatus last = ExitStatus.SUCCESS;
            while (true) {
                String line = context.console().readLine(CmuText.PROMPT);
                if (line == null) {
                    return last;
                }
                List<String> tokens = Tokens.split(line);
                if (tokens.isEmpty()) {
                    continue;
                }
                if (commandName(tokens.get(0)).equals("quit")) {
                    context.out().printf("%n%ndisconnecting from servers, please wait...%n");
                    return last;
                }
                last = StoreFaults.survive(context.out(), () -> execute(tokens));
                context.out().flush();
            }
        } finally {
            context.endSession();
            context.out().flush();
        }
    }

    private void connect() {
        context.out().printf("Connecting to the server(s), it may take time%ndepending on the server(s) load, please wait...%n%n");
        for (NodeStatus n : context.nodes()) {
            String ip = NodeAddresses.ip(n.id());
            context.out().printf("Connecting to server '%s': hostname '%s', port %d...%n", ip, ip, NodeAddresses.PORT);
            if (n.isOnline()) {
                context.out().printf("Connected to server '%s': hostname '%s', port %d.%n", ip, ip, NodeAddresses.PORT);
            } else {
                context.out().printf("Connection to server '%s' failed: the HSM is offline%n", ip);
            }
        }
    }

    ExitStatus execute(List<String> tokens) {
        String name = commandName(tokens.get(0));
        if (name.equals("help")) {
            return help(tokens.subList(1, tokens.size()));
        }
        CmuCommand command = commands.get(name);
        if (command == null) {
            listCommands();
            return ExitStatus.USAGE;
        }
        List<String> args = tokens.subList(1, tokens.size());
        if (args.equals(List.of("-h"))) {
            context.out().print(command.help());
            return ExitStatus.SUCCESS;
        }
        if (args.size() < command.minArgs() || args.size() > command.maxArgs()) {
            context.out().print(command.help());
            return ExitStatus.USAGE;
        }
        ExitStatus status;
        try {
            status = command.action().run(args, context);
        } catch (InvalidPathException e) {
            // A file name the system cannot use: this command fails, the session goes on.
            context.out().printf("Error: %s%n", FileNameProblem.describe(e));
            return ExitStatus.ERROR;
        }
        if (status == ExitStatus.USAGE) {
            context.out().print(command.help());
        }
        return status;
    }

    /**
     * The command a typed name stands for: the name itself, or the one name it begins (with help and
     * quit): "type the command name, or enough of the name to distinguish it from the names of other
     * cloudhsm_mgmt_util commands … type listUsers or listU" (cloudhsm_mgmt_util-reference.md). A
     * name that is no command, or begins several, stays as typed (and is unknown).
     */
    private String commandName(String typed) {
        if (commands.containsKey(typed) || typed.equals("help") || typed.equals("quit")) {
            return typed;
        }
        List<String> candidates = Stream.concat(commands.keySet().stream(), Stream.of("help", "quit"))
                .filter(n -> n.startsWith(typed)).toList();
        return candidates.size() == 1 ? candidates.get(0) : typed;
    }

    /** {@code help}: the command list; {@code help <command>}: that command's syntax (the reference page). */
    private ExitStatus help(List<String> args) {
        CmuCommand command = args.size() == 1 ? commands.get(commandName(args.get(0))) : null;
        if (command == null) {
            listCommands();
        } else {
            context.out().print(command.help());
        }
        return ExitStatus.SUCCESS;
    }

    private void listCommands() {
        context.out().printf("%nHelp Commands Available:%n%nSyntax: <command> -h%n%n");
        context.out().printf("   %-22s%s%n   %-22s%s%n%n", "Command", "Description", "=======", "===========");
        for (CmuCommand c : commands.values()) {
            context.out().printf("   %-22s%s%n", c.name(), c.syntax());
        }
        context.out().printf("   %-22s%s%n", "quit", "quit");
    }
}
