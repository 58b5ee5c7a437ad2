package io.hsmconsole.pkcs11;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A raw p11-kit RPC client over the Unix socket, for tests: version byte, then framed messages. */
final class SocketClient implements AutoCloseable {
    private final SocketChannel channel;
    private int code;

    SocketClient(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        channel.write(ByteBuffer.wrap(new byte[] {0}));
        ByteBuffer version = ByteBuffer.allocate(1);
        while (version.hasRemaining()) {
            if (channel.read(version) < 0) {
                throw new IOException("closed during the version exchange");
            }
        }
    }

    /** Sends raw bytes as they are (a fuzzer's frames). */
    void writeRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** One call: a frame with {@code body}; the answer's body. */
    byte[] call(byte[] body) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(12 + body.length);
        out.putInt(++code).putInt(0).putInt(body.length).put(body).flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer header = read(12);
        if (header.getInt() != code) {
            throw new IOException("answer for another call");
        }
        int options = header.getInt();
        int length = header.getInt();
        read(options);
        return read(length).array();
    }

    byte[] initialize() throws IOException {
        return call(RpcTestClient.request(io.hsmconsole.pkcs11.rpc.RpcCall.C_Initialize)
                .presentByteArray(RpcTestClient.HANDSHAKE.getBytes(StandardCharsets.US_ASCII)).byteValue(0)
                .byteArrayLength(0).toBytes());
    }

    /** True when the server ended the connection (the next read sees the end of the stream). */
    boolean closedByServer() throws IOException {
        return channel.read(ByteBuffer.allocate(1)) < 0;
    }

    private ByteBuffer read(int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new IOException("closed by the server");
            }
        }
        return b.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
