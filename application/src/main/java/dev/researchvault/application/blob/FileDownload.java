package dev.researchvault.application.blob;

import java.io.InputStream;
import java.util.Objects;

/** The answer to a download of a blob: a message's file or thumbnail, a document's file. */
public sealed interface FileDownload {

    /** The strong entity tag of the bytes, quotes included. */
    String etag();

    /** The client's copy, named by {@code If-None-Match}, is current: nothing was read. */
    record NotModified(String etag) implements FileDownload {
    }

    /**
     * The bytes, as a stream of exactly {@code size} bytes that needs no vault scope; the receiver closes it.
     */
    record Content(String mime, long size, String etag, InputStream bytes) implements FileDownload {
        public Content {
            Objects.requireNonNull(mime, "mime");
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(bytes, "bytes");
        }
    }
}
