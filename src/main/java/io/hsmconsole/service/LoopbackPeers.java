package io.hsmconsole.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which local account owns the client's end of a loopback TCP connection the service accepted, read
 * from Linux's table of IPv4 TCP sockets ({@code /proc/net/tcp}: a row per socket with its local and
 * remote address and the uid of its owner). TCP itself does not say who is at the other end (Unix
 * sockets do, bash cannot open those), so the service looks it up here and refuses a connection
 * another account opened before it sends a byte. (Its clients check the other end differently: the
 * endpoint's process, {@link ServiceProcess}.)
 *
 * <p>The service and its clients use IPv4 sockets (bash's {@code /dev/tcp/127.0.0.1} does), so the
 * client's end of every genuine connection is a row of that one table: a socket found only in
 * {@code tcp6} (Java's default dual-stack sockets) does not count as this account's. Reading only
 * {@code tcp} matters for speed: the kernel walks its socket hash table as the file is read, and on a
 * machine full of Java processes {@code tcp6} is the long one (tens of milliseconds under load).
 */
final class LoopbackPeers {
    static final InetAddress IPV4_LOOPBACK = ipv4Loopback();
    private static final Path TABLE = Path.of("/proc/net/tcp");
    /** A closed connection's remains: the kernel shows them with uid 0, and no process reads them. */
    private static final String TIME_WAIT = "06";

    private final int ownUid;

    private LoopbackPeers(int ownUid) {
        this.ownUid = ownUid;
    }

    /** The tables of this system, or empty where there are none (not Linux): then nobody can be checked. */
    static Optional<LoopbackPeers> ofThisSystem() {
        if (!Files.isReadable(TABLE)) {
            return Optional.empty();
        }
        try {
            // The owner of /proc/self is this process's effective uid.
            return Optional.of(new LoopbackPeers((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    int ownUid() {
        return ownUid;
    }

    /**
     * Whether the client's end of a connection the service accepted exists and is this account's: the
     * row whose local address is the connection's remote end and whose remote address is its local end.
     * The kernel keeps one live socket per such pair, so the read stops at its row: the kernel walks its
     * socket hash table as the file is read (a read costs its part of the walk, whatever its rows), so
     * that walks half the table on average instead of all of it.
     */
    boolean isClientOurs(Socket accepted) throws IOException {
        String row = ": " + address(accepted.getInetAddress(), accepted.getPort()) + " "
                + address(accepted.getLocalAddress(), accepted.getLocalPort()) + " ";
        try (BufferedReader rows = Files.newBufferedReader(TABLE, StandardCharsets.US_ASCII)) {
            for (String line = rows.readLine(); line != null; line = rows.readLine()) {
                if (!line.contains(row)) {
                    continue;
                }
                String[] f = line.trim().split("\\s+"); // sl local_address rem_address st tx:rx tr:when retrnsmt uid …
                if (f.length < 8 || f[3].equals(TIME_WAIT)) {
                    continue;
                }
                try {
                    return Integer.parseInt(f[7]) == ownUid;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** An IPv4 socket address as the table prints it: the address's bytes as a native-order int, then the port, in hex. */
    private static String address(InetAddress address, int port) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return "-"; // not an IPv4 socket: it has no row in this table, so it is not found
        }
        int raw = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt();
        return String.format(Locale.ROOT, "%08X:%04X", raw, port);
    }

    /** The service's listening socket: IPv4 on 127.0.0.1, a port the system picks. */
    static ServerSocket ipv4Server() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(IPV4_LOOPBACK, 0), 50);
            return channel.socket();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A client's socket, IPv4 like the service's, not yet connected. */
    static Socket ipv4Socket() throws IOException {
        return SocketChannel.open(StandardProtocolFamily.INET).socket();
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
