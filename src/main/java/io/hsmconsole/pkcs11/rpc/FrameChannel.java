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
 */
public final class FrameChannel {
    /** The protocol version we speak: 0, all that p11-kit 0.24.1 knows. A newer client falls back to it. */
    public static final int PROTOCOL_VERSION = 0;
    /** The largest message body we accept; larger ones close the connection. */
    public static final int MAX_BODY = 16 * 1024 * 1024;
    /** The largest options block we accept (a module name in practice). */
    public static final int MAX_OPTIONS = 64 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final ByteChannel channel;

    public FrameChannel(ByteChannel channel) {
        this.channel = channel;
    }

    /**
     * The version handshake: the client sends the highest version it speaks, we answer the version
     * both will use. Empty when the peer hung up before sending it.
     */
    public Optional<Integer> handshake() throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        if (!readFully(one)) {
            return Optional.empty();
        }
        int offered = one.get(0) & 0xff;
        int agreed = Math.min(offered, PROTOCOL_VERSION);
        writeFully(ByteBuffer.wrap(new byte[] {(byte) agreed}));
        return Optional.of(agreed);
    }

    /** The next request, or empty at a clean end of stream between messages. */
    public Optional<Frame> read() throws IOException, MalformedMessage {
        ByteBuffer header = ByteBuffer.allocate(12);
        if (!readFully(header)) {
            return Optional.empty();
        }
        header.flip();
        long code = header.getInt() & 0xffffffffL;
        long optionsLength = header.getInt() & 0xffffffffL;
        long bodyLength = header.getInt() & 0xffffffffL;
        if (optionsLength > MAX_OPTIONS || bodyLength > MAX_BODY) {
            throw new MalformedMessage("message of " + optionsLength + "+" + bodyLength + " bytes is over the limit");
        }
        readAndDrop((int) optionsLength);
        return Optional.of(new Frame(code, readGrowing((int) bodyLength)));
    }

    /** Sends a response with the request's call code and no options. */
    public void write(long code, byte[] body) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(12 + body.length);
        out.putInt((int) code).putInt(0).putInt(body.length).put(body).flip();
        writeFully(out);
    }

    private void readAndDrop(int length) throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate(Math.min(length, CHUNK));
        int left = length;
        while (left > 0) {
            scratch.clear().limit(Math.min(left, scratch.capacity()));
            requireAll(scratch);
            left -= scratch.limit();
        }
    }

    private byte[] readGrowing(int length) throws IOException {
        byte[] body = new byte[Math.min(length, CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, (long) body.length * 2));
            }
            ByteBuffer view = ByteBuffer.wrap(body, filled, body.length - filled);
            int n = channel.read(view);
            if (n < 0) {
                throw new EOFException("peer closed in the middle of a message");
            }
            filled += n;
        }
        return body;
    }

    private void requireAll(ByteBuffer buffer) throws IOException {
        if (!readFully(buffer)) {
            throw new EOFException("peer closed in the middle of a message");
        }
    }

    /** False only when the stream ended before the first byte; a later end is an error. */
    private boolean readFully(ByteBuffer buffer) throws IOException {
        boolean first = true;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                if (first && buffer.position() == 0) {
                    return false;
                }
                throw new EOFException("peer closed in the middle of a message");
            }
            first = false;
        }
        return true;
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
