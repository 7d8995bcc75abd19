package dev.researchvault.adapter.http.file;

import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.InputStream;

/**
 * The body of a file download: its bytes as the blob store hands them out, with the facts Micronaut's file
 * headers are made of. Written by {@link FileBytesWriter} in large pieces; see there for why not as a
 * {@link StreamedFile}.
 *
 * @param lastModified epoch milliseconds, or -1 when unknown
 * @param length the number of bytes {@code bytes} holds from its position on
 */
record FileBytes(InputStream bytes, MediaType mediaType, long lastModified, long length) {

    /** The same facts without the bytes: what Micronaut's own writer needs to write the headers. */
    StreamedFile withoutBytes() {
        return new StreamedFile(InputStream.nullInputStream(), mediaType, lastModified, length);
    }
}
