package io.hsmconsole.security;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.StartupOptions;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code key_mgmt_util --data-dir DIR …} in this (root's) process, as the launcher runs it: what it
 * printed on standard output and standard error, and its exit status.
 */
record KmuRun(int exitCode, String output, String errors) {
    static KmuRun of(Path dataDir, Path workDir, List<String> args) {
        FuzzConsole console = new FuzzConsole();
        console.nextInput(List.of());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShellLauncher launcher = new ShellLauncher(new SqliteBackend(), "key_mgmt_util", KmuShell::completions, KmuShell::tool);
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            ClusterCatalog catalog = new ClusterCatalog(new SqliteBackend(), new DataDirectory(dataDir), HsmClock.SYSTEM);
            int code = launcher.runTool(catalog, new StartupOptions(dataDir.toString(), null, args), console, workDir,
                    errStream);
            return new KmuRun(code, console.outputOfInput(), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** {@code singlecmd loginHSM -u CU -s example_user -p example_pwd genSymKey …} on the demo cluster. */
    static KmuRun genSymKey(Path dataDir, Path workDir) {
        return of(dataDir, workDir, List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p",
                "example_pwd", "genSymKey", "-t", "31", "-s", "32", "-l", "k"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n" + output + errors;
    }
}
