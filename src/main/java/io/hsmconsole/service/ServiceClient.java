package io.hsmconsole.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of the protocol the launcher script speaks with bash's {@code /dev/tcp}: used by
 * {@code cloudhsm_client status|stop} and by the tests. Like the script, it sends nothing before it
 * knows the listener is this folder's service: the endpoint's process still runs, so the port is still
 * its own ({@link ServiceProcess}), and the listener sends the endpoint file's proof first.
 */
public final class ServiceClient {
    /** How long to wait for the service's first line: it comes when a worker is free. */
    static final Duration GREETING_WAIT = Duration.ofSeconds(3);
    private static final int MAX_GREETING = 200;

    private final Endpoint endpoint;

    /** The port's listener is not this folder's service (another account's, or one without the proof): nothing was sent. */
    public static final class NotTheService extends IOException {
        NotTheService(String message) {
            super(message);
        }
    }

    /** The service accepted the command, then the connection ended before the answer: the command may have run. */
    public static final class StoppedWhileRunning extends IOException {
        StoppedWhileRunning(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ServiceClient(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** A reply: the status line, the standard-error lines and the output bytes. */
    public record Reply(String status, List<String> errorLines, byte[] output) {
        public String outputText() {
            return new String(output, Charset.defaultCharset());
        }
    }

    /** Sends the fields after the secret (the secret is added first) and reads the whole answer. */
    public Reply send(List<String> fields) throws IOException {
        return sendWithSecret(endpoint.secret(), fields);
    }

    public Reply sendWithSecret(String secret, List<String> fields) throws IOException {
        try (Socket socket = LoopbackPeers.ipv4Socket()) {
            socket.connect(new InetSocketAddress(LoopbackPeers.IPV4_LOOPBACK, endpoint.port()), 5_000);
            InputStream in = socket.getInputStream();
            checkItIsTheService(socket, in);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            for (String field : prepend(secret, fields)) {
                request.writeBytes(field.getBytes(StandardCharsets.UTF_8));
                request.write(0);
            }
            out.write(request.toByteArray());
            out.flush();
            return read(in);
        }
    }

    private void checkItIsTheService(Socket socket, InputStream in) throws IOException {
        // After the connect: the process that runs now held the port when we connected (ServiceProcess).
        if (ServiceProcess.canBeChecked() && !endpoint.process().vouchesForItsPort()) {
            throw new NotTheService("the service's process (pid " + endpoint.process().pid() + ") that held port "
                    + endpoint.port() + " is not running");
        }
        socket.setSoTimeout((int) GREETING_WAIT.toMillis());
        String greeting = line(in, MAX_GREETING);
        if (!MessageDigest.isEqual(greeting.getBytes(StandardCharsets.UTF_8), endpoint.proof().getBytes(StandardCharsets.UTF_8))) {
            throw new NotTheService("the listener on port " + endpoint.port() + " does not know the service's proof");
        }
        socket.setSoTimeout(0); // a command takes as long as it takes
    }

    /**
     * A tool's run, as bin/service-client.sh sends it: {@code tool} is the daemon's word for it
     * ({@code kmu}), {@code launcherEnv} the launcher's {@link LauncherEnvironment} (unset ones absent).
     */
    public Reply tool(String tool, String workDir, java.util.Map<String, String> launcherEnv, List<String> args)
            throws IOException {
        return tool(tool, workDir, launcherEnv, List.of(), args);
    }

    /** As above for a tool with variables of its own ({@link ServedTool#variables}): their values, in that order. */
    public Reply tool(String tool, String workDir, java.util.Map<String, String> launcherEnv, List<String> toolValues,
                      List<String> args) throws IOException {
        List<String> fields = new ArrayList<>(List.of(tool, workDir));
        fields.addAll(LauncherEnvironment.fields(launcherEnv));
        fields.add(OutputEnvironment.of(System.getenv()));
        fields.addAll(toolValues);
        fields.add(Integer.toString(args.size()));
        fields.addAll(args);
        return send(fields);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Reply read(InputStream in) throws IOException {
        String status = line(in);
        if (status.equals(ClientService.ACCEPTED)) {
            try {
                return readRun(in, line(in));
            } catch (IOException e) {
                throw new StoppedWhileRunning("the service stopped while it ran the command, which may have taken effect", e);
            }
        }
        return readRun(in, status);
    }

    private static Reply readRun(InputStream in, String status) throws IOException {
        List<String> errors = new ArrayList<>();
        if (status.chars().allMatch(Character::isDigit) && !status.isEmpty()) {
            int count = Integer.parseInt(line(in).split(" ")[0]);
            for (int i = 0; i < count; i++) {
                errors.add(line(in));
            }
        }
        return new Reply(status, errors, in.readAllBytes());
    }

    private static String line(InputStream in) throws IOException {
        return line(in, Integer.MAX_VALUE);
    }

    private static String line(InputStream in, int max) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the service closed the connection mid-answer");
            }
            if (bytes.size() >= max) {
                throw new NotTheService("the listener's first line is longer than the service's proof");
            }
            bytes.write(b);
        }
        return bytes.toString(Charset.defaultCharset());
    }
}
