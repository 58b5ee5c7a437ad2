package io.hsmconsole.pkcs11.rpc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;
import java.util.Optional;

/**
 * p11-kit's framing over a byte stream: after the one-byte version exchange, each message is a
 * 12-byte header (call code, options length, body length, all big-endian uint32), the options (the
 * client sends its module name; we read and drop them) and the body. The body buffer grows only as
 * bytes really arrive, so a peer that announces a large message and sends little costs little.
 * <p>
 * p11-kit's client sends each request in three writes (header, options, body) and waits for the
 * answer, so by the time this thread runs a request has usually arrived whole: reads go into one
 * buffer as large as the socket gives, and a request that is there costs one read system call, not
 * three. An answer goes out in one write from a reusable buffer. One instance per connection,
 * used by one thread.
 */
public final class FrameChannel {
    /** The protocol version we speak: 0, all that p11-kit 0.24.1 knows. A newer client falls back to it. */
    public static final int PROTOCOL_VERSION = 0;
    /** The largest message body we accept; larger ones close the connection. */
    public static final int MAX_BODY = 16 * 1024 * 1024;
    /** The largest options block we accept (a module name in practice). */
    public static final int MAX_OPTIONS = 64 * 1024;
    /** What one read may take in, and the largest answer written from the reusable buffer. */
    static final int BUFFER = 32 * 1024;
    private static final int HEADER = 12;

    private final ByteChannel channel;
    /** Bytes received and not yet consumed lie between position and limit (read mode). */
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER).limit(0);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER);

    public FrameChannel(ByteChannel channel) {
        this.channel = channel;
    }

    /**
     * The version handshake: the client sends the highest version it speaks, we answer the version
     * both will use. Empty when the peer hung up before sending it.
     */
    public Optional<Integer> handshake() throws IOException {
        if (!buffered(1)) {
            return Optional.empty();
        }
        int offered = in.get() & 0xff;
        int agreed = Math.min(offered, PROTOCOL_VERSION);
        out.clear();
        out.put((byte) agreed).flip();
        writeFully(out);
        return Optional.of(agreed);
    }

    /** The next request, or empty at a clean end of stream between messages. */
    public Optional<Frame> read() throws IOException, MalformedMessage {
        if (!buffered(HEADER)) {
            return Optional.empty();
        }
        long code = in.getInt() & 0xffffffffL;
        long optionsLength = in.getInt() & 0xffffffffL;
        long bodyLength = in.getInt() & 0xffffffffL;
        if (optionsLength > MAX_OPTIONS || bodyLength > MAX_BODY) {
            throw new MalformedMessage("message of " + optionsLength + "+" + bodyLength + " bytes is over the limit");
        }
        skip((int) optionsLength);
        return Optional.of(new Frame(code, body((int) bodyLength)));
    }

    /** Sends a response with the request's call code and no options, in one write when it fits the buffer. */
    public void write(long code, byte[] body) throws IOException {
        ByteBuffer message = HEADER + body.length <= out.capacity() ? out.clear() : ByteBuffer.allocate(HEADER + body.length);
        message.putInt((int) code).putInt(0).putInt(body.length).put(body).flip();
        writeFully(message);
    }

    /**
     * Makes at least {@code count} (at most the buffer's size) unread bytes available, reading as
     * much as the socket holds each time. False only when the stream ended before the first of them;
     * a later end is an error.
     */
    private boolean buffered(int count) throws IOException {
        if (in.remaining() >= count) {
            return true;
        }
        boolean none = !in.hasRemaining();
        in.compact();
        try {
            while (in.position() < count) {
                if (channel.read(in) < 0) {
                    if (none && in.position() == 0) {
                        return false;
                    }
                    throw new EOFException("peer closed in the middle of a message");
                }
            }
        } finally {
            in.flip();
        }
        return true;
    }

    private void skip(int length) throws IOException {
        int left = length;
        while (left > 0) {
            if (!in.hasRemaining()) {
                requireSome();
            }
            int n = Math.min(left, in.remaining());
            in.position(in.position() + n);
            left -= n;
        }
    }

    private void requireSome() throws IOException {
        if (!buffered(1)) {
            throw new EOFException("peer closed in the middle of a message");
        }
    }

    /** The body: what is buffered first, then the rest (straight from the socket when large) into an array that grows as bytes come. */
    private byte[] body(int length) throws IOException {
        byte[] body = new byte[Math.min(length, BUFFER)];
        int filled = 0;
        while (filled < length) {
            if (filled == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, (long) body.length * 2));
            }
            if (in.hasRemaining()) {
                int n = Math.min(body.length - filled, in.remaining());
                in.get(body, filled, n);
                filled += n;
            } else if (length - filled < BUFFER) {
                requireSome();
            } else {
                // A large rest goes straight into the body, without passing through the buffer.
                int n = channel.read(ByteBuffer.wrap(body, filled, body.length - filled));
                if (n < 0) {
                    throw new EOFException("peer closed in the middle of a message");
                }
                filled += n;
            }
        }
        return body;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** One message: the call code the answer must echo, and the body. */
    public record Frame(long code, byte[] body) {
    }
}
