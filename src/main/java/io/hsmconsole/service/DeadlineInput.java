package io.hsmconsole.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A connection's input with one deadline for all of it: a client that sends a byte now and then
 * (each read alone would be quick) still ends in a timeout when the deadline passes, so it cannot
 * hold one of the service's workers for longer.
 */
final class DeadlineInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    DeadlineInput(Socket socket, Duration allowed) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadline = System.nanoTime() + allowed.toNanos();
    }

    private void limitTheWait() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the request was not complete in time");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
    }

    @Override
    public int read() throws IOException {
        limitTheWait();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        limitTheWait();
        return in.read(b, off, len);
    }
}
