package io.hsmconsole.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which local account owns a socket of a loopback TCP connection, read from Linux's socket tables
 * ({@code /proc/net/tcp} and {@code tcp6}: a row per socket with its local and remote port and the
 * uid of its owner). TCP itself does not say who is at the other end (Unix sockets do, bash cannot
 * open those), so both ends of the client service look it up here: the service refuses a connection
 * another account opened, and a client sends nothing to a port another account listens on (a
 * process that took the port of a killed service). {@code bin/service-client.sh} checks the same
 * table with bash builtins.
 */
final class LoopbackPeers {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** A closed connection's remains: the kernel shows them with uid 0, and no process reads them. */
    private static final String TIME_WAIT = "06";

    private final int ownUid;

    private LoopbackPeers(int ownUid) {
        this.ownUid = ownUid;
    }

    /** The tables of this system, or empty where there are none (not Linux): then nobody can be checked. */
    static java.util.Optional<LoopbackPeers> ofThisSystem() {
        if (!Files.isReadable(TABLES.get(0))) {
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
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            for (String row : Files.readAllLines(table, StandardCharsets.US_ASCII)) {
                OptionalInt uid = uidOf(row.trim().split("\\s+"), localPort, remotePort);
                if (uid.isPresent()) {
                    if (uid.getAsInt() != ownUid) {
                        return false;
                    }
                    found = true;
                }
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

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        try {
            return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
