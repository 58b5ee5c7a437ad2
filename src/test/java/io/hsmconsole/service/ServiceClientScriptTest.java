package io.hsmconsole.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/service-client.sh prints the service's answer byte for byte as a JVM would have printed it:
 * spaces, tabs, backslashes, carriage returns, UTF-8 and bytes that are not UTF-8, empty lines at the
 * end and a last line without its newline, an output larger than one read, standard-error lines, the
 * exit status; in a UTF-8 and in the C locale. The service is played by this test: a listener of this
 * process (the endpoint names it) that sends the proof, takes the request and sends a given answer.
 */
class ServiceClientScriptTest {
    private static final Path SCRIPT = Path.of("bin", "service-client.sh").toAbsolutePath();
    private static final String PROOF = "ab".repeat(32);
    private static final String ROOT = "/the/project";
    /** The script's request for {@code singlecmd listUsers}: 7 fields, the count, 2 arguments, each NUL-terminated. */
    private static final int REQUEST_FIELDS = 10;

    @TempDir
    Path temp;

    @Test
    void theOutputIsCopiedByteForByte() throws Exception {
        byte[] tricky = bytes(" lead\tand trail  \n\\back\\slash\\n\r\n\u00e9t\u00e9 \u20ac \uD83D\uDD11\n",
                new byte[]{(byte) 0xff, (byte) 0xfe, 1, 0x7f, (byte) 0xc3, '\n'}, "\n\n\nlast line without newline  ");
        for (String locale : List.of("C.UTF-8", "C")) {
            for (byte[] output : List.of(tricky, bytes("{\n  \"error_code\": 0\n}\n"), new byte[0], bytes("\n"),
                    bytes("no newline at all"))) {
                Served served = serve(Answer.ran(0, "", output).encode(), locale);
                assertThat(served.stdout()).as("%s: %s", locale, new String(output, StandardCharsets.ISO_8859_1))
                        .isEqualTo(output);
                assertThat(served.status()).isZero();
            }
        }
    }

    @Test
    void textLargerThanOneReadAndOutputWithNulBytesAreWhole() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 150_000; i++) {
            text.append("line ").append(i).append(" \u00e9\t").append("x".repeat(i % 90)).append('\n');
        }
        byte[] large = bytes(text + "end");
        // As "lines" (copied by the script's read loop), though the service would send this much as "bytes".
        byte[] asLines = concat(bytes("0\n0 lines\n"), large);
        assertThat(serve(asLines, "C.UTF-8").stdout()).isEqualTo(large);

        byte[] withNul = bytes("before\0after\n");
        assertThat(serve(Answer.ran(0, "", withNul).encode(), "C.UTF-8").stdout()).isEqualTo(withNul);
        assertThat(serve(Answer.ran(0, "", large).encode(), "C.UTF-8").stdout()).isEqualTo(large);
    }

    @Test
    void standardErrorLinesAndTheExitStatusAreThoseOfTheRun() throws Exception {
        Served served = serve(Answer.ran(3, "first problem\n  second, indented\n", bytes("out\n")).encode(), "C.UTF-8");
        assertThat(served.status()).isEqualTo(3);
        assertThat(served.stdout()).isEqualTo(bytes("out\n"));
        assertThat(served.stderr()).isEqualTo("first problem\n  second, indented\n");
    }

    private record Served(int status, byte[] stdout, String stderr) {
    }

    /** Runs the script for {@code key_mgmt_util singlecmd listUsers} against a listener that answers {@code answer}. */
    private Served serve(byte[] answer, String locale) throws Exception {
        Path data = temp.resolve("data");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ServerSocket listener = LoopbackPeers.ipv4Server()) {
            Files.createDirectories(data.resolve("service"));
            ServiceProcess self = ServiceProcess.current();
            Files.writeString(data.resolve("service").resolve("endpoint"), listener.getLocalPort() + "\nsecret\n" + ROOT
                    + "\n" + PROOF + "\n" + self.pid() + "\n" + self.startTicks() + "\n");
            Future<Integer> service = pool.submit(() -> {
                try (Socket client = listener.accept()) {
                    client.getOutputStream().write(bytes(PROOF + "\n"));
                    int fields = readRequest(client.getInputStream());
                    client.getOutputStream().write(concat(bytes("accepted\n"), answer));
                    return fields;
                }
            });
            ProcessBuilder bash = new ProcessBuilder("bash", "-c",
                    "SERVICE_TOOL=kmu TOOL=key_mgmt_util; . \"$0\" \"$@\"; echo 'fell back' >&2; exit 99",
                    SCRIPT.toString(), "singlecmd", "listUsers");
            bash.environment().put("ROOT", ROOT);
            bash.environment().put("HSM_CONSOLE_DATA", data.toString());
            bash.environment().put("LC_ALL", locale);
            Process run = bash.redirectError(temp.resolve("stderr").toFile()).start();
            byte[] stdout = run.getInputStream().readAllBytes();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(temp.resolve("stderr"));
            assertThat(stderr).as("served, not fallen back").doesNotContain("fell back");
            assertThat(service.get(60, TimeUnit.SECONDS)).as("the request's fields").isEqualTo(REQUEST_FIELDS);
            return new Served(run.exitValue(), stdout, stderr);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the request up to its last field; returns how many fields came. */
    private static int readRequest(InputStream in) throws IOException {
        int fields = 0;
        while (fields < REQUEST_FIELDS) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            if (b == 0) {
                fields++;
            }
        }
        return fields;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return bytes(a, b);
    }
}
