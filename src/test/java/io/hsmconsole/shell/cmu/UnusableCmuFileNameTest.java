package io.hsmconsole.shell.cmu;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A file name with a NUL character (found by the fuzzer): one error line, the session goes on. */
class UnusableCmuFileNameTest {
    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aNulInAnOutputFileNameFailsThatCommandOnly() {
        CmuShell shell = new CmuShell(world.cluster, console, world.workDir, world.clock);
        console.nextInput(List.of());
        shell.execute(List.of("loginHSM", "CO", FuzzCluster.CO, new String(FuzzCluster.password(FuzzCluster.CO))));
        console.nextInput(List.of());
        assertThat(shell.execute(List.of("findAllKeys", "3", "0", "out\u0000file"))).isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput()).endsWith("Error: 'out?file' cannot be used as a file name: Nul character not allowed\n");
        console.nextInput(List.of());
        assertThat(shell.execute(List.of("listUsers"))).isEqualTo(ExitStatus.SUCCESS);
    }
}
