package dev.researchvault.adapter.persistence.blob;

import dev.researchvault.adapter.persistence.vault.CurrentVault;
import dev.researchvault.adapter.persistence.vault.VaultFile;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The bytes of a file stored in chunks, read one chunk at a time as the stream is read: the only copy in memory
 * is the current chunk, held until it has been read to its end. Each chunk read borrows a connection of the
 * retained vault for one statement. Skipping moves the position without reading, so a range download reads only
 * the chunks it sends.
 *
 * <p>Pinned to one content id: a file replaced or deleted meanwhile has lost its chunks, and the next read fails
 * with an {@code IOException} rather than go on with another version's bytes.
 */
final class ChunkStream extends InputStream {

    private final CurrentVault.Retained vault;
    private final String content;
    private final long size;
    private long position;
    private byte[] chunk;
    private long chunkSeq = -1;

    ChunkStream(CurrentVault.Retained vault, String content, long size) {
        this.vault = vault;
        this.content = content;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        long seq = position / Chunks.SIZE;
        byte[] current = chunk(seq);
        int from = (int) (position - seq * Chunks.SIZE);
        int count = Math.min(length, current.length - from);
        System.arraycopy(current, from, target, offset, count);
        position += count;
        if (from + count == current.length) {
            // Read to its end: let it go now rather than at the next fetch, so a reader that keeps what it read
            // (a download's piece on its way out) does not hold this chunk as well.
            chunk = null;
            chunkSeq = -1;
        }
        return count;
    }

    @Override
    public long skip(long count) {
        long skipped = Math.max(0, Math.min(count, size - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        if (chunk == null || position >= size || position / Chunks.SIZE != chunkSeq) {
            return 0;
        }
        return (int) (chunk.length - (position - chunkSeq * Chunks.SIZE));
    }

    @Override
    public void close() {
        chunk = null;
        vault.close();
    }

    private byte[] chunk(long seq) throws IOException {
        if (seq != chunkSeq) {
            chunk = null;
            chunk = fetch(seq);
            chunkSeq = seq;
        }
        return chunk;
    }

    private byte[] fetch(long seq) throws IOException {
        Optional<byte[]> read;
        try (Connection connection = vault.connection(VaultFile.BLOBS)) {
            read = Chunks.read(connection, content, seq);
        } catch (SQLException failure) {
            throw new IOException("a chunk of the file could not be read", failure);
        }
        if (read.isEmpty() || read.get().length != Chunks.length(size, seq)) {
            throw new IOException("the file was replaced or deleted while it was read");
        }
        return read.get();
    }
}
