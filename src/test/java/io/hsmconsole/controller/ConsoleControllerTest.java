package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.shell.PlainConsole;
import io.hsmconsole.shell.kmu.KmuShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The console pane's shell is the real key_mgmt_util, on its own thread and with its own session. */
class ConsoleControllerTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    ConsoleController console;
    final StringBuffer output = new StringBuffer();
    volatile boolean secretWanted;

    @BeforeEach
    void setUp() throws Exception {
        f = new ControllerFixture(dir.resolve("data"));
        Files.createDirectories(dir.resolve("work"));
        console = new ConsoleController(f.workspace, f.runner, dir.resolve("work"));
        console.start(output::append, wanted -> secretWanted = wanted, user -> { });
    }

    @AfterEach
    void tearDown() {
        console.close();
        f.close();
    }

    private void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waiting; output so far:%n%s", output).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void runsKeyMgmtUtilCommandsWithTheirOwnLogin() throws Exception {
        waitFor(() -> output.toString().contains("Command: "));

        console.submit("loginHSM -u CU -s example_user -p example_pwd");
        console.submit("genSymKey -t 31 -s 32 -l aes256");
        waitFor(() -> output.toString().contains("Key Handle"));

        assertThat(output.toString()).contains("Command: loginHSM -u CU -s example_user -p <password>")
                .doesNotContain("example_pwd")
                .contains("Cfm3LoginHSM returned: 0x00 : HSM Return: SUCCESS")
                .contains("Symmetric Key Created.  Key Handle: 6");
        assertThat(f.workspace.sessionInfo()).as("the pane's login is not the window's").isEmpty();
    }

    @Test
    void aPasswordPromptIsAnsweredWithoutEcho() throws Exception {
        waitFor(() -> output.toString().contains("Command: "));

        console.submit("loginHSM -u CU -s alice -hpswd");
        waitFor(() -> secretWanted);
        console.submitSecret("alice_pwd".toCharArray());
        waitFor(() -> output.toString().contains("Cfm3LoginHSM returned"));

        assertThat(output.toString()).contains("Cfm3LoginHSM returned: 0x00").doesNotContain("alice_pwd");
        waitFor(() -> !secretWanted);
    }

    @Test
    void exitStartsAFreshShell() throws Exception {
        waitFor(() -> output.toString().contains("Command: "));

        console.submit("exit");

        waitFor(() -> output.toString().contains("(key_mgmt_util ended; a new one runs on cluster demo)"));
        waitFor(() -> output.toString().lastIndexOf("Command: ") > output.toString().indexOf("ended"));
    }

    @Test
    void theSavedAttributeFileHasTheBytesTheShellsGetAttributeWrites() throws Exception {
        f.login("example_user");
        HsmResult<GeneratedKey> made = await(done -> f.keys.generate(GenSymKeyRequest.of(21, 24, "3DES_shared")
                .withId("IT-02").withShareWith(List.of(4, 5)), "genSymKey -t 21 -s 24 -l 3DES_shared -id IT-02 -u 4,5",
                p -> { }, done));
        long handle = made.value().handle();
        Path fromWindow = dir.resolve("work").resolve("from_window");
        HsmResult<Integer> saved = await(done -> f.keys.saveAttributeFile(handle, fromWindow, done));
        assertThat(saved.value()).isEqualTo(17);

        StringWriter shellOut = new StringWriter();
        new KmuShell(f.cluster, new PlainConsole(new BufferedReader(new StringReader("")), new PrintWriter(shellOut)),
                dir.resolve("work"), f.cluster.clock()).run(List.of("singlecmd", "loginHSM", "-u", "CU", "-s", "example_user", "-p",
                "example_pwd", "getAttribute", "-o", String.valueOf(handle), "-a", "512", "-out", "from_shell"));

        assertThat(shellOut.toString()).contains("attr cnt 17");
        assertThat(Files.readAllBytes(fromWindow)).isEqualTo(Files.readAllBytes(dir.resolve("work").resolve("from_shell")));
    }
}
