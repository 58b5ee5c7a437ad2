package io.hsmconsole.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Which local account owns a socket of a loopback TCP connection, read from Linux's table of IPv4 TCP
 * sockets ({@code /proc/net/tcp}: a row per socket with its local and remote port and the uid of its
 * owner). TCP itself does not say who is at the other end (Unix sockets do, bash cannot open those),
 * so both ends of the client service look it up here: the service refuses a connection another
 * account opened, and a client sends nothing to a port another account listens on (a process that
 * took the port of a killed service). {@code bin/service-client.sh} checks the same table with bash
 * builtins.
 *
 * <p>The service and its clients use IPv4 sockets (bash's {@code /dev/tcp/127.0.0.1} does), so both
 * ends of every genuine connection are rows of that one table: a socket found only in {@code tcp6}
 * (Java's default dual-stack sockets) does not count as this account's. Reading only {@code tcp}
 * matters for speed: the kernel walks its socket tables on every read, and on a machine full of
 * Java processes {@code tcp6} is the long one (tens of milliseconds under load).
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
    static java.util.Optional<LoopbackPeers> ofThisSystem() {
        if (!Files.isReadable(TABLE)) {
            return java.util.Optional.empty();
        }
        try {
            // The owner of /proc/self is this process's effective uid.
            return java.util.Optional.of(new LoopbackPeers((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    int ownUid() {
        return ownUid;
    }

    /**
     * Whether the socket whose local port is {@code localPort} and remote port {@code remotePort}
     * exists and is this account's (every such socket, should two addresses share the ports).
     */
    boolean isOurs(int localPort, int remotePort) throws IOException {
        boolean found = false;
        // Both ports as the kernel prints them (":%04X "): a row without both cannot be the socket, and is
        // passed over without splitting it (a loop of calls leaves thousands of TIME_WAIT rows behind).
        String local = String.format(java.util.Locale.ROOT, ":%04X ", localPort);
        String remote = String.format(java.util.Locale.ROOT, ":%04X ", remotePort);
        for (String row : Files.readAllLines(TABLE, StandardCharsets.US_ASCII)) {
            if (!row.contains(local) || !row.contains(remote)) {
                continue;
            }
            OptionalInt uid = uidOf(row.trim().split("\\s+"), localPort, remotePort);
            if (uid.isPresent()) {
                if (uid.getAsInt() != ownUid) {
                    return false;
                }
                found = true;
            }
        }
        return found;
    }

    /** {@code sl local_address rem_address st tx:rx tr:when retrnsmt uid …}; addresses end in {@code :PORT} (hex). */
    private static OptionalInt uidOf(String[] f, int localPort, int remotePort) {
        if (f.length < 8 || !f[0].endsWith(":") || f[3].equals(TIME_WAIT)
                || port(f[1]) != localPort || port(f[2]) != remotePort) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(f[7]));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
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

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        try {
            return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
