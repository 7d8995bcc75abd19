package dev.researchvault.application.blob;

import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

/** The answer to a download of a blob: a message's file or thumbnail, a document's file. */
public sealed interface FileDownload {

    /** The strong entity tag of the bytes, quotes included. */
    String etag();

    /**
     * This download with what its owner knows of the file: its name (null for a thumbnail, which is shown, not
     * saved) and when it was stored. A {@link NotModified} sends no file and stays as it is.
     */
    FileDownload describedAs(String name, Instant storedAt);

    /** The client's copy, named by {@code If-None-Match}, is current: nothing was read. */
    record NotModified(String etag) implements FileDownload {
        @Override
        public FileDownload describedAs(String name, Instant storedAt) {
            return this;
        }
    }

    /**
     * The bytes, as a stream of exactly {@code size} bytes that needs no vault scope; the receiver closes it.
     *
     * @param name     the file's name for a client saving it, or null (the client is to show it instead)
     * @param storedAt when the file was stored, or null when unknown
     */
    record Content(String mime, long size, String etag, InputStream bytes, String name, Instant storedAt)
            implements FileDownload {
        public Content {
            Objects.requireNonNull(mime, "mime");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(bytes, "bytes");
        }

        /** Bytes whose name and time the owner adds ({@link #describedAs}). */
        public Content(String mime, long size, String etag, InputStream bytes) {
            this(mime, size, etag, bytes, null, null);
        }

        @Override
        public FileDownload describedAs(String name, Instant storedAt) {
            return new Content(mime, size, etag, bytes, name, storedAt);
        }
    }
}
