package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.store.DataDirectory;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code key_mgmt_util singlecmd …} or {@code cloudhsm-cli <command> …} sent by the launcher script
 * ({@link ServedTool}): the tool's own code path
 * ({@link ShellLauncher#runTool}) with the client's working folder for relative file names, standard
 * input at its end, and the output collected for the answer. Each request is its own session, so its
 * session keys end with it, as with a process of its own.
 *
 * <p>What the service does not run (it answers {@code fallback}, the launcher then starts a JVM as
 * before): anything but {@code singlecmd}, launcher options it cannot parse, and a request whose
 * launcher would use another data folder: its {@code --data-dir}, else its {@code HSM_CONSOLE_DATA},
 * else the platform's folder, by {@link DataDirectory#chosen} (the one copy of that rule).
 */
final class ToolRequest {
    /** Told once the request is valid, just before the tool runs; a failure to tell means it does not run. */
    interface Start {
        void starting() throws IOException;
    }

    private final ServedTool tool;
    private final ClusterCatalog catalog;

    ToolRequest(ServedTool tool, ClusterCatalog catalog) {
        this.tool = tool;
        this.catalog = catalog;
    }

    /** The tool's own variables ({@link ServedTool#variables}), read from the request in their order. */
    List<String> variables() {
        return tool.variables();
    }

    /**
     * @param workDir   the client's working folder (absolute)
     * @param launcherEnv the client's {@link LauncherEnvironment} (unset ones absent)
     * @param toolEnv   the client's values of the tool's own {@link #variables()} (unset ones absent)
     * @param args      the client's arguments, launcher options included
     * @param start     told before the tool runs (not for a request answered {@code fallback})
     */
    Answer run(String workDir, Map<String, String> launcherEnv, Map<String, String> toolEnv, List<String> args, Start start)
            throws IOException {
        Path cwd;
        StartupOptions options;
        Path asked;
        try {
            cwd = Path.of(workDir);
            options = StartupOptions.parse(args, launcherEnv);
            asked = cwd.resolve(DataDirectory.chosen(options.dataDir(), launcherEnv, System.getProperty("os.name", ""),
                    System.getProperty("user.home"))).normalize();
        } catch (InvalidPathException | StartupOptions.UsageException e) {
            return Answer.notRun(Answer.FALLBACK);
        }
        if (!cwd.isAbsolute() || !Files.isDirectory(cwd) || !tool.singleCommand(options.rest())
                || !servesDataFolder(asked)) {
            return Answer.notRun(Answer.FALLBACK);
        }
        start.starting();
        Charset charset = Charset.defaultCharset();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(output, charset), false);
        PrintStream err = new PrintStream(errors, true, charset);
        PlainConsole console = new PlainConsole(new BufferedReader(Reader.nullReader()), out);
        PrintWriter usage = new PrintWriter(new OutputStreamWriter(errors, charset), true);
        int status = tool.launcher(toolEnv, usage).runTool(catalog, options, console, cwd, err);
        usage.flush();
        out.flush();
        return Answer.ran(status, errors.toString(charset), output.toByteArray());
    }

    /** Whether the launcher's data folder (absolute) is the one served: the same path or the same folder. */
    private boolean servesDataFolder(Path asked) {
        Path served = catalog.dataDirectory().root();
        if (asked.equals(served)) {
            return true;
        }
        try {
            return Files.isSameFile(asked, served);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
