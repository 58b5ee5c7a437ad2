package io.hsmconsole.shell;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.store.DataDirectory;
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

/**
 * What both command-line tools do around their shell: read the launcher options, open the cluster,
 * pick the console (JLine for a person at a terminal, plain lines otherwise), and turn store faults
 * into one clear line naming the file, never a stack trace.
 */
public final class ShellLauncher {
    /** Runs one shell over an opened cluster. */
    public interface Shell {
        ExitStatus run(HsmCluster cluster, Console console, Path workDir, List<String> args);
    }

    private final String program;
    private final Map<String, Set<String>> completions;
    private final Shell shell;

    public ShellLauncher(String program, Map<String, Set<String>> completions, Shell shell) {
        this.program = program;
        this.completions = completions;
        this.shell = shell;
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
            try (HsmCluster cluster = ClusterOpener.open(new ClusterCatalog(data, HsmClock.SYSTEM), options.cluster());
                 ConsoleHandle console = console(options.rest().isEmpty(), out, charset)) {
                return shell.run(cluster, console.console(), Path.of("").toAbsolutePath(), options.rest()).code();
            }
        } catch (StoreException e) {
            out.flush();
            err.println(program + ": error: " + e.getMessage());
            return ExitStatus.ERROR.code();
        } catch (IllegalArgumentException e) {
            out.flush();
            err.println(program + ": " + e.getMessage());
            return ExitStatus.USAGE.code();
        } finally {
            out.flush();
        }
    }

    /** A person at a terminal gets JLine (history, completion); pipes and files get plain lines. */
    private ConsoleHandle console(boolean interactive, PrintWriter out, Charset charset) {
        if (interactive && System.console() != null) {
            return JLineConsole.open(program, completions);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, charset));
        return new ConsoleHandle(new PlainConsole(in, out), () -> { });
    }

    /** A console and what to release when the run ends. */
    public record ConsoleHandle(Console console, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
