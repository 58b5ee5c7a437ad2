import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The attacker of the port-squatting test, run by another local account with {@code java PortSquatter.java
 * PORT FOLDER [PROOF]}: listens on the port a killed client service left in its endpoint file, answers every
 * connection at once with a forged reply (in the old and the new protocol; first the service's proof when
 * it was given one, as if it had leaked), and writes what each connection sent into FOLDER/received.
 * FOLDER/process holds its pid and start time (as a service writes them into its endpoint file);
 * FOLDER/listening says it is ready; FOLDER/stop ends it.
 */
public class PortSquatter {
    private static final String FORGED = "accepted\n0\n0 lines\n\tSymmetric Key Created.  Key Handle: 999999\n";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        Path received = folder.resolve("received");
        String forged = (args.length > 2 ? args[2] + "\n" : "") + FORGED;
        Files.writeString(received, "");
        String stat = Files.readString(Path.of("/proc/self/stat"));
        Files.writeString(folder.resolve("process"), ProcessHandle.current().pid() + "\n"
                + stat.substring(stat.lastIndexOf(") ") + 2).split(" ")[19] + "\n");
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            Files.writeString(folder.resolve("listening"), "yes\n");
            boolean stopping = false;
            while (true) {
                Socket client;
                try {
                    client = server.accept();
                } catch (SocketTimeoutException e) {
                    if (stopping) {
                        break; // no connection left waiting since FOLDER/stop appeared
                    }
                    stopping = Files.exists(folder.resolve("stop"));
                    continue;
                }
                try (client) {
                    client.getOutputStream().write(forged.getBytes(StandardCharsets.US_ASCII));
                    client.setSoTimeout(3_000);
                    byte[] got = readWhatComes(client.getInputStream());
                    Files.writeString(received, "connection: " + got.length + " bytes: "
                            + new String(got, StandardCharsets.ISO_8859_1).replace('\0', '|') + "\n", StandardOpenOption.APPEND);
                } catch (Exception e) {
                    Files.writeString(received, "connection: error " + e + "\n", StandardOpenOption.APPEND);
                }
            }
        }
    }

    private static byte[] readWhatComes(InputStream in) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what came until the client went quiet or away
        }
        return bytes.toByteArray();
    }
}
