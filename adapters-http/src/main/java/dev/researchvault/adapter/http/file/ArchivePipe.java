package dev.researchvault.adapter.http.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Carries an archive from the thread writing it to the response reading it, in at most {@value #CHUNKS} chunks
 * of {@value #CHUNK} bytes (1 MiB in all), so a download's memory does not grow with its size: the writer waits
 * while the client is slower. Instead of {@link java.io.PipedInputStream}, whose reader polls once a second
 * and which cannot tell the reader that the writer failed:
 * <ul>
 *   <li>a writer that fails makes the reader fail too (the response is cut off, not ended as if complete: a
 *       client must never take a truncated archive for a whole one);</li>
 *   <li>a reader that goes away (closes) makes the writer's next write fail, so it stops and releases the
 *       vault;</li>
 *   <li>a writer that could not hand on a chunk for {@link #STALL_LIMIT} gives up, should the response never
 *       read nor close its stream.</li>
 * </ul>
 */
final class ArchivePipe {

    static final int CHUNK = 64 * 1024;
    static final int CHUNKS = 16;
    static final Duration STALL_LIMIT = Duration.ofMinutes(5);
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerGone;
    private volatile boolean writerFailed;

    /** Where the writer writes; {@link Sink#finish} after the last byte, {@link #fail} instead on a failure. */
    Sink sink() {
        return new Sink();
    }

    /** What the response reads; closing it tells the writer to stop. */
    InputStream source() {
        return new Source();
    }

    /** The writer failed: the reader fails once it has read what came before. */
    void fail() {
        writerFailed = true;
        try {
            hand(END);
        } catch (IOException readerGoneToo) {
            // nobody is left to tell
        }
    }

    private void hand(byte[] chunk) throws IOException {
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (readerGone || System.nanoTime() > deadline) {
                    throw new IOException("the archive's reader went away");
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the archive");
        }
    }

    final class Sink extends OutputStream {
        private final byte[] buffer = new byte[CHUNK];
        private int filled;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, CHUNK - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == CHUNK) {
                    flush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (filled > 0) {
                hand(Arrays.copyOf(buffer, filled));
                filled = 0;
            }
        }

        /** The archive is complete. */
        void finish() throws IOException {
            flush();
            hand(END);
        }
    }

    private final class Source extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                current = take();
                position = 0;
                if (current == END) {
                    ended = true;
                    if (writerFailed) {
                        throw new IOException("writing the archive failed; it is incomplete");
                    }
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, into, offset, n);
            position += n;
            return n;
        }

        private byte[] take() throws IOException {
            try {
                return chunks.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the archive");
            }
        }

        @Override
        public void close() {
            readerGone = true;
            chunks.clear();
        }
    }
}
