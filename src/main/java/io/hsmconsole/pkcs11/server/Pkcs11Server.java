package io.hsmconsole.pkcs11.server;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.pkcs11.KeyAvailabilityCheck;
import io.hsmconsole.pkcs11.Pkcs11Connection;
import io.hsmconsole.pkcs11.rpc.FrameChannel;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.store.OwnerOnly;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves p11-kit's RPC protocol on a Unix domain socket, so an unchanged application that loads
 * p11-kit-client.so (with {@code P11_KIT_SERVER_ADDRESS=unix:path=…}) reaches the simulated cluster.
 * The socket lives in an owner-only folder and is itself 0600; besides, every peer's uid is checked
 * (SO_PEERCRED) and only the server's own user is served. One thread and one session table per
 * connection: a connection that misbehaves ends alone.
 */
public final class Pkcs11Server implements AutoCloseable {
    /** More simultaneous applications than this are turned away (each costs a thread). */
    public static final int MAX_CONNECTIONS = 256;
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Server.class);

    private final HsmCluster cluster;
    private final Path socket;
    private final KeyAvailabilityCheck availability;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusedPeers = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong lastActivity = new AtomicLong();
    private ServerSocketChannel server;
    private UserPrincipal owner;
    private Thread acceptor;

    /** Where the client service serves it: inside the data folder's owner-only service folder. */
    public static Path socketIn(io.hsmconsole.store.DataDirectory data) {
        return data.root().resolve("service").resolve("pkcs11.sock");
    }

    public Pkcs11Server(HsmCluster cluster, Path socket) {
        this(cluster, socket, KeyAvailabilityCheck.ENABLED);
    }

    public Pkcs11Server(HsmCluster cluster, Path socket, KeyAvailabilityCheck availability) {
        this.cluster = cluster;
        this.socket = socket.toAbsolutePath();
        this.availability = availability;
    }

    /**
     * Creates the socket (its folder owner-only, the file 0600; a stale socket file from an earlier
     * run is replaced) and starts accepting.
     */
    public synchronized void start() throws IOException {
        Path dir = socket.getParent();
        OwnerOnly.createDirectories(dir);
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        OwnerOnly.restrictFile(socket);
        owner = Files.getOwner(socket);
        acceptor = new Thread(this::acceptLoop, "pkcs11-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public Path socket() {
        return socket;
    }

    /** Connections refused because the peer was another user. */
    public long refusedPeers() {
        return refusedPeers.get();
    }

    /** Connections open now. */
    public int openConnections() {
        return clients.size();
    }

    /** {@link System#nanoTime()} when a connection last opened or closed; 0 before the first. */
    public long lastActivityNanos() {
        return lastActivity.get();
    }

    /** Connections accepted and served so far. */
    public long servedConnections() {
        return served.get();
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("PKCS#11 endpoint: accept failed", e);
                continue;
            }
            if (!sameUser(client) || clients.size() >= MAX_CONNECTIONS) {
                closeQuietly(client);
                continue;
            }
            clients.add(client);
            lastActivity.set(System.nanoTime());
            served.incrementAndGet();
            Thread t = new Thread(() -> serve(client), "pkcs11-client-" + served.get());
            t.setDaemon(true);
            t.start();
        }
    }

    /** SO_PEERCRED: the connecting process's user must be ours (root included only when we are root). */
    private boolean sameUser(SocketChannel client) {
        try {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (peer.user().equals(owner)) {
                return true;
            }
            refusedPeers.incrementAndGet();
            LOG.warn("PKCS#11 endpoint: refused a connection from user {}", peer.user().getName());
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            refusedPeers.incrementAndGet();
            LOG.warn("PKCS#11 endpoint: cannot tell who connects; refused", e);
            return false;
        }
    }

    private void serve(SocketChannel client) {
        Pkcs11Connection connection = new Pkcs11Connection(cluster, availability);
        FrameChannel frames = new FrameChannel(client);
        try {
            if (frames.handshake().isEmpty()) {
                return;
            }
            while (true) {
                Optional<FrameChannel.Frame> frame = frames.read();
                if (frame.isEmpty()) {
                    return;
                }
                frames.write(frame.get().code(), connection.answer(frame.get().body()));
            }
        } catch (MalformedMessage | IOException e) {
            LOG.debug("PKCS#11 connection ended", e);
        } catch (RuntimeException e) {
            LOG.warn("PKCS#11 connection failed", e);
        } finally {
            try {
                connection.close();
            } catch (RuntimeException e) {
                LOG.warn("PKCS#11 connection cleanup failed", e);
            }
            clients.remove(client);
            lastActivity.set(System.nanoTime());
            closeQuietly(client);
        }
    }

    /** Stops accepting, ends every connection and removes the socket file. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        for (SocketChannel c : clients) {
            closeQuietly(c);
        }
        if (acceptor != null) {
            try {
                acceptor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("PKCS#11 endpoint: cannot remove {}", socket, e);
        }
        server = null;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // Closing is best effort: the peer may be gone already.
        }
    }
}
