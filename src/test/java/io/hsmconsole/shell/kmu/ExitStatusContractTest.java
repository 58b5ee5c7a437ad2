package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/return-codes.md's exit statuses, in the two places the shell fuzzer found them broken: a
 * usage error (2) is a command line that is wrong, and prints the command's help text; a line that
 * parsed but is refused by the tool or ended by its input is an error (1).
 */
class ExitStatusContractTest {
    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();
    private final KmuShell shell = new KmuShell(world.cluster, console, world.workDir, world.clock);

    @AfterEach
    void close() {
        world.close();
    }

    private ExitStatus type(String line, List<String> answers) {
        console.nextInput(answers);
        world.clock.nextInput();
        return shell.execute(Tokens.split(line));
    }

    @Test
    void getTokenForAnotherUserIsAnErrorNotAUsageErrorWithoutItsHelp() {
        type("loginHSM -u CU -s " + FuzzCluster.CU + " -p " + new String(FuzzCluster.password(FuzzCluster.CU)), List.of());
        ExitStatus status = type("getToken -n 5 -k 6 -u example_user -f use.token", List.of());
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput()).contains("Error: -u must name the logged-in user (" + FuzzCluster.CU + ")")
                .doesNotContain("returned:");
    }

    @Test
    void aValueThatNeverComesAtSetAttributesPromptIsAnErrorNotAUsageError() {
        type("loginHSM -u CU -s " + FuzzCluster.CU + " -p " + new String(FuzzCluster.password(FuzzCluster.CU)), List.of());
        ExitStatus status = type("setAttribute -o 6 -a 1", List.of());
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput()).contains("Error: no value was entered.").doesNotContain("returned:");
    }
}
