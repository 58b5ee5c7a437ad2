package io.hsmconsole.ui.console;

import io.hsmconsole.controller.ConsoleController;
import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.KeyUseController;
import io.hsmconsole.controller.QuorumApproval;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.QuorumPurpose;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.SignMechanism;
import io.hsmconsole.shell.Console;
import io.hsmconsole.shell.cmu.CmuShell;
import io.hsmconsole.shell.kmu.KmuShell;
import io.hsmconsole.text.CmuText;
import io.hsmconsole.text.KmuText;
import io.hsmconsole.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console pane writes what the windows did as the command-line tool would print it: the same
 * bytes as key_mgmt_util / cloudhsm_mgmt_util for the same commands on a cluster in the same state.
 * Two identical clusters: on one the windows act (through the controllers) and the pane records it;
 * on the other the real shells run the commands the pane shows (placeholders replaced by the
 * files and password the shell takes). Node 2 is 5 s behind, so a {@code -min_srv 3 -timeout 1}
 * key is rolled back, as in transcript errors/09.
 */
class ConsolePaneMatchesShellTest {
    private static final ClusterOptions CLUSTER = new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(100L, 200L, 5000L),
            null);
    private static final byte[] DATA = "Data for RFC 3394 wrap!!".getBytes(StandardCharsets.US_ASCII);
    /** What the shell is given where the pane names a placeholder. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("<password>", "example_pwd",
            "<data file>", "data.bin", "<result file>", "result.bin", "<signature file>", "signature.bin",
            "<token file>", "token.bin");

    @TempDir
    Path dir;

    @Test
    void everyWindowActionPrintsWhatTheShellPrintsForItsCommand() throws IOException {
        Path attributeFile = dir.resolve("attributes_of_6");
        String pane;
        try (ControllerFixture windows = new ControllerFixture(dir.resolve("windows"), CLUSTER)) {
            ConsoleViewModel vm = new ConsoleViewModel(new ConsoleController(windows.workspace, windows.runner, dir),
                    windows.workspace, Messages.load());
            act(windows, attributeFile);
            assertThat(windows.errors).isEmpty();
            pane = vm.transcriptProperty().get();
        }
        List<Chunk> chunks = chunks(pane);
        assertThat(chunks).extracting(Chunk::tool).contains("key_mgmt_util", "cloudhsm_mgmt_util");

        try (ControllerFixture shells = new ControllerFixture(dir.resolve("shells"), CLUSTER)) {
            Path work = Files.createDirectories(dir.resolve("work"));
            Files.write(work.resolve("data.bin"), DATA);
            // Both tools run at once on the second cluster, each command typed in the pane's order.
            SteppedConsole kmu = new SteppedConsole();
            SteppedConsole cmu = new SteppedConsole();
            Thread kmuShell = kmu.run(() -> new KmuShell(shells.cluster, kmu, work, shells.clock).run(List.of()));
            Thread cmuShell = cmu.run(() -> new CmuShell(shells.cluster, cmu, work, shells.clock).run(List.of()));
            cmu.type("loginHSM CU example_user example_pwd");
            StringBuilder kmuExpected = new StringBuilder();
            StringBuilder cmuExpected = new StringBuilder();
            for (Chunk c : chunks) {
                String command = real(c.commandLine());
                if (c.tool().equals("key_mgmt_util")) {
                    kmu.type(command);
                    if (command.startsWith("setAttribute")) {
                        kmu.type("1"); // setAttribute asks for the value; the windows set 1
                    }
                    kmuExpected.append(KmuText.PROMPT).append(command).append('\n').append(real(c.output()));
                } else {
                    cmu.type(command);
                    cmu.type("y"); // the CAUTION question
                    cmuExpected.append(CmuText.PROMPT).append(command).append('\n').append(real(c.output()));
                }
            }
            String kmuText = kmu.end(kmuShell);
            String cmuText = cmu.end(cmuShell);

            assertThat(sameKeyBytes(kmuText)).isEqualTo(sameKeyBytes(kmuExpected + KmuText.PROMPT + "\n"));
            assertThat(cmuText).contains(cmuExpected.toString());
        }
        assertThat(pane).contains("Couldn't verify key sync on 3 servers").contains("Rolling back")
                .contains("Cfm3DeleteKey returned: 0x00").contains("Checking key status (1 seconds)..")
                .contains("shareKey success on server 2(10.0.0.3)");
    }

    /** What the windows do, in order: each becomes one command in the pane. */
    private static void act(ControllerFixture f, Path attributeFile) {
        f.login("example_user");
        generate(f, GenSymKeyRequest.of(31, 32, "aes256"), "genSymKey -t 31 -s 32 -l aes256");
        generate(f, GenSymKeyRequest.of(31, 32, "slow").withMinServers(3).withTimeoutSeconds(1),
                "genSymKey -t 31 -s 32 -l slow -min_srv 3 -timeout 1");
        long session = generate(f, GenSymKeyRequest.of(31, 16, "session").withSession(true),
                "genSymKey -t 31 -s 16 -l session -sess");
        long hmac = generate(f, GenSymKeyRequest.of(16, 32, "hmac"), "genSymKey -t 16 -s 32 -l hmac");
        HsmResult<Void> promoted = await(done -> f.keys.setAttribute(session, Attribute.TOKEN, 1, null, done));
        HsmResult<Void> labelled = await(done -> f.keys.setAttribute(hmac, Attribute.LABEL, 0, "hmac_signing", done));
        HsmResult<Void> signs = await(done -> f.keys.setAttribute(hmac, Attribute.SIGN, 1, null, done));
        HsmResult<Void> verifies = await(done -> f.keys.setAttribute(hmac, Attribute.VERIFY, 1, null, done));
        HsmResult<Integer> saved = await(done -> f.keys.saveAttributeFile(6, attributeFile, done));
        HsmResult<Void> shared = await(done -> f.keys.setSharing(hmac, List.of(5), done)); // KMU does not delete it
        assertThat(List.of(promoted, labelled, signs, verifies, saved, shared)).allMatch(HsmResult::isSuccess);

        KeyUseController use = new KeyUseController(f.workspace, f.runner, f.errors::add);
        HsmResult<byte[]> wrapped = await(done -> use.aesWrapUnwrap(6, true, DATA, null, done));
        assertThat(wrapped.isSuccess()).isTrue();
        HsmResult<byte[]> signed = await(done -> use.sign(hmac, SignMechanism.fromCode(22).orElseThrow(), DATA, done));
        HsmResult<Void> verified = await(done -> use.verify(hmac, SignMechanism.fromCode(22).orElseThrow(), DATA,
                signed.value(), done));
        assertThat(verified.isSuccess()).as("sign %s, verify %s", signed.code(), verified.code()).isTrue();

        long guarded = generate(f, GenSymKeyRequest.of(31, 32, "guarded").withMValue(2).withShareWith(List.of(6)),
                "genSymKey -t 31 -s 32 -l guarded -m_value 2 -u 6");
        QuorumController quorum = new QuorumController(f.workspace, f.runner, f.errors::add);
        HsmResult<QuorumApproval> token = await(done -> quorum.request(guarded, QuorumPurpose.MANAGE, done));
        assertThat(token.isSuccess()).as("getToken: %s", token.code()).isTrue();
        HsmResult<QuorumApproval> approved = await(done -> quorum.approve(token.value(), "example_user",
                "example_pwd".toCharArray(), done));
        Integer dropped = await(done -> quorum.release(approved.value(), done));
        assertThat(dropped).isEqualTo(1);

        HsmResult<Void> deleted = await(done -> f.keys.delete(6, done));
        HsmResult<Void> again = await(done -> f.keys.delete(6, done)); // gone: KMU's find call answers
        HsmResult<Void> out = await(f.sessions::logout);
        assertThat(List.of(deleted, out)).allMatch(HsmResult::isSuccess);
        assertThat(again.isSuccess()).isFalse();
    }

    private static long generate(ControllerFixture f, GenSymKeyRequest request, String commandLine) {
        HsmResult<GeneratedKey> made = await(done -> f.keys.generate(request, commandLine, p -> { }, done));
        return made.value().handle();
    }

    /**
     * The two clusters hold different key material, so what a key computes differs: the byte dump of
     * aesWrapUnwrap's result is compared by its shape (lines of hex pairs), everything else exactly.
     */
    private static String sameKeyBytes(String text) {
        return text.replaceAll("(?m)^([0-9A-F]{2} )*[0-9A-F]{2}$", "<bytes>");
    }

    private static String real(String text) {
        String real = text;
        for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) {
            real = real.replace(p.getKey(), p.getValue());
        }
        return real;
    }

    private record Chunk(String tool, String commandLine, String output) {
    }

    /** The pane's transcript cut at its "# from the windows" lines into tool, command line and output. */
    private static List<Chunk> chunks(String pane) {
        Pattern header = Pattern.compile("\n# from the windows; in (\\S+) this is:");
        List<Chunk> chunks = new ArrayList<>();
        String[] parts = header.split(pane, -1);
        java.util.regex.Matcher m = header.matcher(pane);
        int i = 1;
        while (m.find()) {
            String tool = m.group(1);
            String prompt = tool.equals("key_mgmt_util") ? KmuText.PROMPT : CmuText.PROMPT;
            String part = parts[i++];
            assertThat(part).startsWith(prompt);
            int end = part.indexOf('\n', prompt.length());
            chunks.add(new Chunk(tool, part.substring(prompt.length(), end), part.substring(end + 1)));
        }
        return chunks;
    }

    /**
     * A console typed into one line at a time: {@link #type} waits until the shell asks for a line,
     * hands it over, and waits until the shell has finished with it (it asks again), so commands
     * typed into two shells run in the order they were typed.
     */
    private static final class SteppedConsole implements Console {
        private static final String END = new String("end");
        private final StringWriter text = new StringWriter();
        private final PrintWriter out = new PrintWriter(text, true);
        private final SynchronousQueue<String> lines = new SynchronousQueue<>();
        private final Semaphore asking = new Semaphore(0);

        Thread run(Runnable shell) {
            Thread t = new Thread(shell, "stepped-shell");
            t.setDaemon(true);
            t.start();
            return t;
        }

        void type(String line) {
            hand(line);
            try {
                assertThat(asking.tryAcquire(60, TimeUnit.SECONDS)).as("the shell is done with: " + line).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            asking.release();
        }

        private void hand(String line) {
            try {
                assertThat(asking.tryAcquire(60, TimeUnit.SECONDS)).as("the shell asks for a line").isTrue();
                lines.put(line);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /** Ends the input (as end of file does), waits for the shell to end and returns what it printed. */
        String end(Thread shell) {
            hand(END);
            try {
                shell.join(60_000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(shell.isAlive()).isFalse();
            out.flush();
            return text.toString();
        }

        @Override
        public String readLine(String prompt) {
            out.print(prompt);
            out.flush();
            asking.release();
            try {
                String line = lines.take();
                out.println(line == END ? "" : line); // as a terminal echoes it
                return line == END ? null : line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public char[] readSecret(String prompt) {
            throw new AssertionError("no command here asks for a secret");
        }

        @Override
        public PrintWriter out() {
            return out;
        }
    }
}
