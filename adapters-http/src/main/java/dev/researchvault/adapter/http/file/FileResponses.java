package dev.researchvault.adapter.http.file;

import dev.researchvault.application.blob.FileDownload;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;

/**
 * The HTTP answer to a file download (a message's file or thumbnail, a document's file): the bytes streamed from
 * what the blob store hands out, with their stored media type, length and strong {@code ETag}; 304 when
 * {@code If-None-Match} named the tag.
 */
public final class FileResponses {

    private FileResponses() {
    }

    public static HttpResponse<?> of(FileDownload download) {
        if (download instanceof FileDownload.Content content) {
            StreamedFile body = new StreamedFile(content.bytes(), mediaType(content.mime()), -1, content.size());
            // The stored type verbatim: MediaType would drop its parameters (a text file's charset).
            return withTag(HttpResponse.ok(body), content.etag()).header(HttpHeaders.CONTENT_TYPE, content.mime());
        }
        return withTag(HttpResponse.notModified(), download.etag());
    }

    private static MutableHttpResponse<?> withTag(MutableHttpResponse<?> response, String etag) {
        // nosniff: a stored text/plain must never be run as a script or page by a browser.
        return response.header(HttpHeaders.ETAG, etag).header("X-Content-Type-Options", "nosniff");
    }

    private static MediaType mediaType(String mime) {
        try {
            return MediaType.of(mime);
        } catch (RuntimeException unparsable) {
            // Stored media types are printable ASCII but need not follow RFC 9110's grammar.
            return MediaType.APPLICATION_OCTET_STREAM_TYPE;
        }
    }
}
