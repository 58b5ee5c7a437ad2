import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacker of the test of what the clients' trust rests on, run by another local account with
 * {@code java PortTaker.java PORT FOLDER}: while the client service runs, it tries to listen on the
 * service's port in every way that could receive a connection to 127.0.0.1 (that address, the IPv4
 * wildcard, the IPv6 wildcard with IPv4 mapped, the mapped address itself), each plain, with
 * SO_REUSEADDR, with SO_REUSEPORT and with both. FOLDER/binds gets a line per attempt:
 * {@code ADDRESS OPTIONS refused (WHY)} or {@code ADDRESS OPTIONS LISTENING}.
 */
public class PortTaker {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        List<String> lines = new ArrayList<>();
        for (String address : List.of("127.0.0.1", "0.0.0.0", "::", "::ffff:127.0.0.1")) {
            InetAddress where = InetAddress.getByName(address); // the last as an IPv4 address mapped on an IPv6 socket
            for (int options = 0; options < 4; options++) {
                boolean reuseAddress = (options & 1) != 0;
                boolean reusePort = (options & 2) != 0;
                String line = address + " reuseaddr=" + reuseAddress + " reuseport=" + reusePort;
                StandardProtocolFamily family = address.contains(":") ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
                try (ServerSocketChannel channel = ServerSocketChannel.open(family)) {
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
                    if (reusePort) {
                        channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    }
                    channel.bind(new InetSocketAddress(where, port), 50);
                    lines.add(line + " LISTENING");
                } catch (java.io.IOException | UnsupportedOperationException e) {
                    lines.add(line + " refused (" + e.getMessage() + ")");
                }
            }
        }
        Files.write(folder.resolve("binds.part"), lines);
        Files.move(folder.resolve("binds.part"), folder.resolve("binds"));
    }
}
