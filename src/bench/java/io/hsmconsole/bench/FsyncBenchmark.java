package io.hsmconsole.bench;

import io.hsmconsole.store.TestFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * This disk's fsync rate, for context: a durable commit cannot be faster than one 4 KiB write plus
 * fsync, which is about what SQLite does per transaction in WAL mode with synchronous=FULL.
 * Writes go round a 4 MiB file, like the WAL before a checkpoint resets it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FsyncBenchmark {
    private static final int BLOCK = 4096;
    private static final long FILE_BYTES = 4L << 20;

    private Path dir;
    private FileChannel channel;
    private final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
    private long position;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchDirs.newDataDir("fsync");
        channel = FileChannel.open(dir.resolve("fsync.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    @Benchmark
    public long writeAndFsync() throws IOException {
        block.clear();
        block.putLong(0, position);
        channel.write(block, position);
        channel.force(true);
        position = (position + BLOCK) % FILE_BYTES;
        return position;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        channel.close();
        TestFiles.deleteTree(dir);
    }
}
