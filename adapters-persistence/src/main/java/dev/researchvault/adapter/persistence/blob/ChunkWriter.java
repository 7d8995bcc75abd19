package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.blob.BlobDigest;
import dev.researchvault.domain.blob.UploadLimit;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Reads a stream to its end a chunk at a time into one reused buffer, hashing as it goes, and hands each chunk to
 * a {@link Sink}: the most of a file in memory is one chunk, whatever its size.
 */
final class ChunkWriter {

    private ChunkWriter() {
    }

    /** Where the chunks go, in order from {@code seq} 0. */
    @FunctionalInterface
    interface Sink {
        void accept(long seq, byte[] chunk) throws SQLException;
    }

    /** What was written. */
    record Written(long size, BlobDigest digest) {
    }

    /**
     * @param limit asked with the byte count so far after each chunk is read and before it is written
     * @throws RuleViolationException {@code blob.unreadable} when the stream fails; what {@code limit} throws
     */
    static Written write(InputStream content, UploadLimit limit, Sink sink) throws SQLException {
        byte[] buffer = new byte[Chunks.SIZE];
        BlobDigest.Running digest = BlobDigest.running();
        long size = 0;
        for (long seq = 0; ; seq++) {
            int read = fill(content, buffer);
            if (read == 0) {
                break;
            }
            size += read;
            limit.check(size);
            digest.update(buffer, 0, read);
            // SQLite copies the bytes into its own memory, so the full buffer is handed over as is and reused;
            // only the last, shorter chunk needs an array of its own length (the driver binds whole arrays).
            sink.accept(seq, read == buffer.length ? buffer : Arrays.copyOf(buffer, read));
            if (read < buffer.length) {
                break;
            }
        }
        return new Written(size, digest.finish());
    }

    private static int fill(InputStream content, byte[] buffer) {
        try {
            return content.readNBytes(buffer, 0, buffer.length);
        } catch (IOException failure) {
            throw new RuleViolationException("blob.unreadable", "the content could not be read");
        }
    }
}
