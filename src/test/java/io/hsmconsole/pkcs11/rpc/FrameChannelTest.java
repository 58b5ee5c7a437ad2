package io.hsmconsole.pkcs11.rpc;

import io.hsmconsole.property.Trials;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * p11-kit's framing as {@link FrameChannel} reads and writes it: whatever way the stream is cut into
 * reads, the same messages come out; a request that has arrived whole costs one read system call;
 * an answer goes out in one write.
 */
class FrameChannelTest {

    @Test
    void theSameMessagesComeOutHoweverTheStreamIsCut() {
        Trials.run(300, random -> {
            List<FrameChannel.Frame> sent = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.write(0); // the client's protocol version
            int messages = 1 + random.nextInt(6);
            for (int i = 0; i < messages; i++) {
                // Bodies up to twice the buffer, so that buffered, refilled and direct reads all happen.
                byte[] body = bytes(random, random.nextInt(4) == 0 ? random.nextInt(2 * FrameChannel.BUFFER + 1)
                        : random.nextInt(200));
                byte[] options = bytes(random, random.nextInt(3) == 0 ? random.nextInt(100) : 6);
                long code = random.nextLong(1L << 32);
                stream.writeBytes(frame(code, options, body));
                sent.add(new FrameChannel.Frame(code, body));
            }
            ScriptedChannel channel = ScriptedChannel.cut(stream.toByteArray(), random);
            FrameChannel frames = new FrameChannel(channel);
            assertThat(frames.handshake()).contains(0);
            for (FrameChannel.Frame expected : sent) {
                FrameChannel.Frame got = frames.read().orElseThrow();
                assertThat(got.code()).isEqualTo(expected.code());
                assertThat(got.body()).isEqualTo(expected.body());
            }
            assertThat(frames.read()).as("a clean end between messages").isEmpty();
        });
    }

    @Test
    void requestsThatHaveArrivedWholeCostOneReadBetweenThem() throws Exception {
        byte[] first = frame(0x10, "client".getBytes(), bytes(new SplittableRandom(1), 40));
        byte[] second = frame(0x11, "client".getBytes(), bytes(new SplittableRandom(2), 4_200));
        ScriptedChannel channel = new ScriptedChannel(List.of(new byte[] {0}, first, second));
        FrameChannel frames = new FrameChannel(channel);
        frames.handshake();
        assertThat(channel.reads).isEqualTo(1);
        assertThat(frames.read()).isPresent();
        assertThat(channel.reads).as("header, options and body of the first request in one read").isEqualTo(2);
        assertThat(frames.read().orElseThrow().body()).hasSize(4_200);
        assertThat(channel.reads).isEqualTo(3);
    }

    @Test
    void anAnswerGoesOutInOneWrite() throws Exception {
        ScriptedChannel channel = new ScriptedChannel(List.of());
        FrameChannel frames = new FrameChannel(channel);
        byte[] body = bytes(new SplittableRandom(3), 4_100);
        frames.write(0x1234, body);
        assertThat(channel.writes).isEqualTo(1);
        assertThat(channel.written.toByteArray()).isEqualTo(frame(0x1234, new byte[0], body));

        byte[] large = bytes(new SplittableRandom(4), 3 * FrameChannel.BUFFER);
        frames.write(0x1235, large);
        byte[] all = channel.written.toByteArray();
        assertThat(Arrays.copyOfRange(all, 12 + body.length, all.length)).isEqualTo(frame(0x1235, new byte[0], large));
    }

    @Test
    void anEndInsideAMessageIsAnErrorAndAnEndBeforeTheHandshakeIsNot() throws Exception {
        byte[] whole = frame(7, new byte[3], new byte[50]);
        for (int cut : new int[] {5, 12, 14, 40}) {
            FrameChannel frames = new FrameChannel(new ScriptedChannel(List.of(new byte[] {0}, Arrays.copyOf(whole, cut))));
            frames.handshake();
            assertThatThrownBy(frames::read).as("cut after %d bytes", cut).isInstanceOf(EOFException.class);
        }
        assertThat(new FrameChannel(new ScriptedChannel(List.of())).handshake()).isEmpty();
    }

    @Test
    void anAnnouncedOversizedMessageIsRefusedBeforeItsBytesAreRead() throws Exception {
        ByteBuffer header = ByteBuffer.allocate(12).putInt(1).putInt(0).putInt(FrameChannel.MAX_BODY + 1);
        FrameChannel frames = new FrameChannel(new ScriptedChannel(List.of(new byte[] {0}, header.array())));
        frames.handshake();
        assertThatThrownBy(frames::read).isInstanceOf(MalformedMessage.class);
    }

    private static byte[] frame(long code, byte[] options, byte[] body) {
        return ByteBuffer.allocate(12 + options.length + body.length).putInt((int) code).putInt(options.length)
                .putInt(body.length).put(options).put(body).array();
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    /** A socket whose reads return the scripted chunks, one at most per read (as a socket returns what has arrived). */
    private static final class ScriptedChannel implements ByteChannel {
        private final Deque<ByteBuffer> chunks = new ArrayDeque<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int reads;
        int writes;

        ScriptedChannel(List<byte[]> chunks) {
            chunks.forEach(c -> this.chunks.add(ByteBuffer.wrap(c)));
        }

        static ScriptedChannel cut(byte[] stream, SplittableRandom random) {
            List<byte[]> chunks = new ArrayList<>();
            int at = 0;
            while (at < stream.length) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 80_000));
                chunks.add(Arrays.copyOfRange(stream, at, at + n));
                at += n;
            }
            return new ScriptedChannel(chunks);
        }

        @Override
        public int read(ByteBuffer dst) {
            reads++;
            ByteBuffer next = chunks.peek();
            if (next == null) {
                return -1;
            }
            int n = Math.min(dst.remaining(), next.remaining());
            ByteBuffer part = next.slice(next.position(), n);
            dst.put(part);
            next.position(next.position() + n);
            if (!next.hasRemaining()) {
                chunks.poll();
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            writes++;
            int n = src.remaining();
            byte[] b = new byte[n];
            src.get(b);
            written.writeBytes(b);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
