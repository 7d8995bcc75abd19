package dev.researchvault.adapter.http.file;

import io.micronaut.core.io.buffer.ReadBuffer;
import io.micronaut.core.io.buffer.ReadBufferFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Executor;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A download's bytes as a publisher of {@link #SIZE}-byte pieces, each read on the blocking executor when the
 * connection asks for more (reading a chunked file decrypts it and may wait for a pooled connection, so never on
 * the event loop). The stream is closed once, when the bytes end, fail or are no longer wanted, or when the
 * response is discarded unread ({@link #close}); a read and a close never overlap (a close from the event loop
 * waits for a read in progress), so a stream that holds the vault open releases it exactly once.
 */
final class FilePieces {

    /**
     * 1 MiB, the blob store's chunk: each piece is one hand-over from the executor to the event loop and one request
     * for more back, so larger pieces cost fewer of them (Micronaut's own {@code StreamedFile} writer hands over
     * 8 KiB at a time: 25,600 round trips per 200 MiB, here 200). The blob store's stream lets a chunk go once it is
     * read to its end, so a download holds at most two pieces ({@link #AHEAD}), not pieces and a chunk (the goal is at
     * most 2 MiB of heap per concurrent transfer; docs/benchmarks.md measures 0.52 MiB with the read-ahead).
     */
    static final int SIZE = 1024 * 1024;

    /** Pieces read before the connection asks for them. */
    static final int AHEAD = 1;

    private final InputStream bytes;
    private boolean closed;

    FilePieces(InputStream bytes) {
        this.bytes = bytes;
    }

    Flux<ReadBuffer> publisher(ReadBufferFactory buffers, Executor blocking) {
        return Flux.<ReadBuffer>generate(sink -> {
            try {
                byte[] piece = next();
                if (piece == null) {
                    sink.complete();
                } else {
                    sink.next(buffers.adapt(piece));
                }
            } catch (IOException failure) {
                sink.error(failure);
            }
        }).subscribeOn(Schedulers.fromExecutor(blocking))
                // One piece read ahead: the connection asks for the next piece only once it has written nearly all of
                // the last one (Netty's channel turns writable again), so without it the socket waited while the
                // executor read and decrypted each piece. With it, the next piece is ready when asked for, and the
                // one after it is read meanwhile: at most two pieces held per download.
                .publishOn(Schedulers.immediate(), AHEAD)
                .doOnDiscard(ReadBuffer.class, ReadBuffer::close) // a piece read ahead of a cancelled download
                .doFinally(signal -> close());
    }

    /** The next piece (shorter only at the end), or null at the end. */
    private synchronized byte[] next() throws IOException {
        if (closed) {
            throw new IOException("the download was closed");
        }
        // One array filled in place: readNBytes(int) would gather small buffers and copy them together.
        byte[] piece = new byte[SIZE];
        int read = bytes.readNBytes(piece, 0, SIZE);
        if (read == 0) {
            return null;
        }
        return read == SIZE ? piece : Arrays.copyOf(piece, read);
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            bytes.close();
        } catch (IOException ignored) {
            // nothing more will be read from it; the blob store's streams release what they hold before failing
        }
    }
}
