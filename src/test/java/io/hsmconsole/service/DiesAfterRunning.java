package io.hsmconsole.service;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client service process for {@link ClientServiceAttackIT}: it runs each command with the tool's own
 * code (the command commits), then writes the file {@code MARKER} and hangs before it answers, so the
 * test can kill it exactly between the commit and the answer.
 * Arguments: {@code DATA_FOLDER PROJECT_ROOT MARKER}.
 */
public final class DiesAfterRunning {
    private DiesAfterRunning() {
    }

    public static void main(String[] args) throws Exception {
        Path marker = Path.of(args[2]);
        ShellLauncher kmu = new ShellLauncher(new SqliteBackend(), "key_mgmt_util", KmuShell::completions, (context, arguments) -> {
            ExitStatus status = KmuShell.tool(context, arguments);
            try {
                Files.writeString(marker, status + "\n");
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
            return status;
        });
        ClientService service = ClientService.serving(new DataDirectory(Path.of(args[0]))).tool("kmu", kmu)
                .listenUntilExit().launchersOf(args[1]).start().orElseThrow();
        service.awaitStop();
    }
}
