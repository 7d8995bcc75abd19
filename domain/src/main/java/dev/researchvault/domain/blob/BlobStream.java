package dev.researchvault.domain.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A blob opened for reading: its metadata and a stream of exactly {@code info().size()} bytes. The stream
 * holds no database connection between reads and may be read after the vault scope it was opened in has ended (an
 * HTTP response body, say); one of a large blob keeps that vault open, like a request in progress, until it is
 * closed. Close it when done.
 */
public record BlobStream(BlobInfo info, InputStream content) implements AutoCloseable {

    public BlobStream {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
