package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.StoreException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What both command-line tools do around their shell: read the launcher options, find the data
 * folder, pick the console (JLine for a person at a terminal, plain lines otherwise), and turn store
 * faults into one clear line naming the file, never a stack trace.
 */
public final class ShellLauncher {
    /** A tool: what runs after the launcher options (it opens the cluster it needs). */
    public interface Tool {
        ExitStatus run(ToolContext context, List<String> args);
    }

    private final StoreBackend stores;
    private final String program;
    private final Supplier<Map<String, Set<String>>> completions;
    private final Tool tool;
    private final java.util.function.Predicate<List<String>> interactive;

    /**
     * {@code completions} is asked for only when a person gets the interactive console: a
     * {@code singlecmd} call would otherwise build the whole command table twice per process.
     * {@code stores} is the kind of store the tool's clusters are kept in (the entry point chooses it).
     */
    public ShellLauncher(StoreBackend stores, String program, Supplier<Map<String, Set<String>>> completions, Tool tool) {
        this(stores, program, completions, tool, List::isEmpty);
    }

    /**
     * {@code interactive} says from the tool's arguments whether it will read commands from a person
     * (KMU and CMU: no arguments; cloudhsm-cli: {@code interactive}); at a terminal they get JLine.
     */
    public ShellLauncher(StoreBackend stores, String program, Supplier<Map<String, Set<String>>> completions, Tool tool,
                         java.util.function.Predicate<List<String>> interactive) {
        this.stores = stores;
        this.program = program;
        this.completions = completions;
        this.tool = tool;
        this.interactive = interactive;
    }

    /** The kind of store the tool's clusters are kept in, for whoever runs the tool on a catalog of its own. */
    public StoreBackend stores() {
        return stores;
    }

    public int run(String[] argv, Map<String, String> env, PrintStream err) {
        StartupOptions options;
        try {
            options = StartupOptions.parse(Arrays.asList(argv), env);
        } catch (StartupOptions.UsageException e) {
            err.println(program + ": " + e.getMessage());
            return ExitStatus.USAGE.code();
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), false);
        try {
            DataDirectory data = DataDirectory.fromSystem(options.dataDir());
            ClusterCatalog catalog = new ClusterCatalog(stores, data, HsmClock.SYSTEM);
            try (ConsoleHandle console = console(interactive.test(options.rest()), out, charset)) {
                return runTool(catalog, options, console.console(), Path.of("").toAbsolutePath(), err);
            }
        } catch (StoreException e) {
            return fault(out, err, "error: " + e.getMessage(), ExitStatus.ERROR);
        } catch (IllegalArgumentException e) {
            return fault(out, err, e.getMessage(), ExitStatus.USAGE);
        } finally {
            out.flush();
        }
    }

    /**
     * Runs the tool on an already open catalog, with a console and working folder given by the caller:
     * the launcher above for a process of its own, the client service ({@code io.hsmconsole.service})
     * for a request sent by the launcher script. Same faults, same exit status, same output.
     */
    public int runTool(ClusterCatalog catalog, StartupOptions options, Console console, Path workDir, PrintStream err) {
        try {
            ToolContext context = new ToolContext(catalog, HsmClock.SYSTEM, options.cluster(), console, workDir);
            return tool.run(context, options.rest()).code();
        } catch (StoreException | InputException e) {
            return fault(console.out(), err, "error: " + e.getMessage(), ExitStatus.ERROR);
        } catch (IllegalArgumentException e) {
            return fault(console.out(), err, e.getMessage(), ExitStatus.USAGE);
        } finally {
            console.out().flush();
        }
    }

    private int fault(PrintWriter out, PrintStream err, String message, ExitStatus status) {
        out.flush();
        err.println(program + ": " + message);
        return status.code();
    }

    /** A person at a terminal gets JLine (history, completion); pipes and files get plain lines. */
    private ConsoleHandle console(boolean interactive, PrintWriter out, Charset charset) {
        if (interactive && System.console() != null) {
            return JLineConsole.open(program, completions.get());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, charset));
        return new ConsoleHandle(new PlainConsole(in, out, System.console()), () -> { });
    }

    /** A console and what to release when the run ends. */
    public record ConsoleHandle(Console console, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
