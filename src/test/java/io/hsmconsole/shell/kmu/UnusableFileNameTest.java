package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file name the system cannot use (found by the shell fuzzer: a NUL character made the path
 * throw, which ended key_mgmt_util with exit status 2): the command fails with one line saying so
 * and the session goes on.
 */
class UnusableFileNameTest {
    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aNulInAFileNameFailsThatCommandOnly() {
        KmuShell shell = new KmuShell(world.cluster, console, world.workDir, world.clock);
        console.nextInput(List.of());
        shell.execute(List.of("loginHSM", "-u", "CU", "-s", FuzzCluster.CU, "-p",
                new String(FuzzCluster.password(FuzzCluster.CU))));
        console.nextInput(List.of());
        assertThat(shell.execute(List.of("imSymKey", "-f", "key\u0000file", "-w", "6", "-t", "31", "-l", "x")))
                .isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput())
                .isEqualTo("\n\tError: 'key?file' cannot be used as a file name: Nul character not allowed\n");
        console.nextInput(List.of());
        assertThat(shell.execute(List.of("listUsers"))).isEqualTo(ExitStatus.SUCCESS);
    }

    @Test
    void aScriptFileNameWithANulCannotBeOpened() {
        console.nextInput(List.of());
        ExitStatus status = new KmuShell(world.cluster, console, world.workDir, world.clock)
                .run(List.of("scriptfile", "a\u0000b"));
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput()).contains("Error: Failed to open script file a\u0000b.");
    }
}
