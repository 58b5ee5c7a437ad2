package io.hsmconsole.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of the protocol the launcher script speaks with bash's {@code /dev/tcp}: used by
 * {@code cloudhsm_client status|stop} and by the tests.
 */
public final class ServiceClient {
    private final Endpoint endpoint;

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
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()), 5_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            for (String field : prepend(secret, fields)) {
                request.writeBytes(field.getBytes(StandardCharsets.UTF_8));
                request.write(0);
            }
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** A {@code key_mgmt_util} run, as the launcher sends it. */
    public Reply kmu(String workDir, String clusterEnv, List<String> args) throws IOException {
        List<String> fields = new ArrayList<>(List.of("kmu", workDir, clusterEnv, OutputEnvironment.of(System.getenv()),
                Integer.toString(args.size())));
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the service closed the connection mid-answer");
            }
            bytes.write(b);
        }
        return bytes.toString(Charset.defaultCharset());
    }
}
