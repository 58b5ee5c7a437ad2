package io.hsmconsole.shell.cmu;

import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the CMU fuzzer's oracle: {@code getAttribute}/{@code getKeyInfo} with an output file
 * wrote the servers' refusals into the file and printed only "… written to file", exit 1 without
 * a reason on screen. A refusal is shown; the file is written only for an answer.
 */
class RefusalOnScreenTest {
    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();
    private final CmuShell shell = new CmuShell(world.cluster, console, world.workDir, world.clock);

    @AfterEach
    void close() {
        world.close();
    }

    private ExitStatus type(String... tokens) {
        console.nextInput(List.of());
        world.clock.nextInput();
        return shell.execute(List.of(tokens));
    }

    @Test
    void aRefusedGetAttributeWithAFileShowsWhyAndWritesNoFile() {
        type("loginHSM", "CU", FuzzCluster.CU, new String(FuzzCluster.password(FuzzCluster.CU)));
        ExitStatus status = type("getAttribute", "999999", "3", "attr.txt");
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput()).contains("getAttribute failed on server")
                .contains("HSM Error: Invalid object handle is passed to this operation").doesNotContain("written to file");
        assertThat(Files.exists(world.workDir.resolve("attr.txt"))).isFalse();
    }

    @Test
    void aRefusedGetKeyInfoWithAFileShowsWhyAndWritesNoFile() {
        type("loginHSM", "CU", FuzzCluster.CU, new String(FuzzCluster.password(FuzzCluster.CU)));
        ExitStatus status = type("getKeyInfo", "999999", "info.txt");
        assertThat(status).isEqualTo(ExitStatus.ERROR);
        assertThat(console.outputOfInput()).contains("getKeyInfo failed on server").doesNotContain("written to file");
        assertThat(Files.exists(world.workDir.resolve("info.txt"))).isFalse();
    }
}
