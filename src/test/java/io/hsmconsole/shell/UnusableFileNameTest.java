package io.hsmconsole.shell;

import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import io.hsmconsole.shell.kmu.KmuShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file name the system cannot use (found by the shell fuzzers: a NUL character made the path
 * throw, which ended key_mgmt_util with exit status 2 and cloudhsm_mgmt_util's session too): that
 * command fails with one line saying so, and the session goes on to the next command.
 */
class UnusableFileNameTest {
    private static final String NUL_ERROR = "Error: 'key?file' cannot be used as a file name: Nul character not allowed\n";
    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void keyMgmtUtilFailsThatCommandAndGoesOn() {
        console.nextInput(List.of("loginHSM -u CU -s fuzzer -p fuzzer_pwd", "imSymKey -f key\u0000file -w 6 -t 31 -l x",
                "listUsers", "exit"));
        assertThat(new KmuShell(world.cluster, console, world.workDir, world.clock).run(List.of()))
                .as("the last command's status").isEqualTo(ExitStatus.SUCCESS);
        String output = console.outputOfInput();
        assertThat(output).contains("\n\t" + NUL_ERROR + "\nCommand: listUsers");
        assertThat(output.substring(output.indexOf("Command: listUsers"))).contains("Cfm3ListUsers returned: 0x00");
    }

    @Test
    void aScriptFileNameWithANulCannotBeOpened() {
        console.nextInput(List.of());
        assertThat(new KmuShell(world.cluster, console, world.workDir, world.clock).run(List.of("scriptfile", "a\u0000b")))
                .isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput()).contains("Error: Failed to open script file a\u0000b.");
    }

    @Test
    void cloudHsmMgmtUtilFailsThatCommandAndGoesOn() {
        console.nextInput(List.of("loginHSM CO fuzzco fuzzco_pwd", "findAllKeys 3 0 key\u0000file", "listUsers", "quit"));
        new CmuShell(world.cluster, console, world.workDir, world.clock).run(List.of());
        String output = console.outputOfInput();
        assertThat(output).contains(NUL_ERROR + "\naws-cloudhsm>listUsers");
        assertThat(output.substring(output.indexOf("aws-cloudhsm>listUsers"))).contains("Users on server 0");
    }
}
