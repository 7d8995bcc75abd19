package dev.researchvault.adapter.http.file;

import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.application.blob.FileDownload;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The HTTP answer to a file download (a message's file or thumbnail, a document's file): the bytes streamed from
 * what the blob store hands out, with their stored media type, length, strong {@code ETag}, {@code Last-Modified}
 * (when the owner stored them) and {@code Content-Disposition} ({@link ContentDisposition}); 304 when
 * {@code If-None-Match} named the tag; 206 with one byte range when {@code Range} asks for one (and {@code If-Range},
 * if sent, names this version), 416 when the range lies outside the file.
 */
public final class FileResponses {

    private FileResponses() {
    }

    /** Stable code of a range that lies wholly outside the file. */
    public static final String RANGE_NOT_SATISFIABLE = "file.range-not-satisfiable";

    public static HttpResponse<?> of(FileDownload download, FileRequest request) {
        if (!(download instanceof FileDownload.Content content)) {
            return withTag(HttpResponse.notModified(), download.etag());
        }
        // If-Range names the version the range was taken from; for another one the whole file is the answer.
        ByteRange range = request.ifRange() == null || request.ifRange().strip().equals(content.etag())
                ? ByteRange.of(request.range(), content.size()) : null;
        if (range == null) {
            return file(HttpResponse.ok(), content, content.bytes(), content.size());
        }
        if (!range.satisfiable()) {
            close(content.bytes());
            return withTag(HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE), content.etag())
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + content.size())
                    .contentType(Problem.MEDIA_TYPE)
                    .body(Problem.of(416, "Range Not Satisfiable", RANGE_NOT_SATISFIABLE,
                            "the range lies outside the file of " + content.size() + " bytes"));
        }
        try {
            content.bytes().skipNBytes(range.start());
        } catch (IOException unreadable) {
            close(content.bytes());
            throw new UncheckedIOException(unreadable);
        }
        return file(HttpResponse.status(HttpStatus.PARTIAL_CONTENT), content,
                new LimitedInputStream(content.bytes(), range.length()), range.length())
                .header(HttpHeaders.CONTENT_RANGE, "bytes " + range.start() + "-" + range.end() + "/" + content.size());
    }

    private static MutableHttpResponse<?> file(MutableHttpResponse<?> response, FileDownload.Content content,
                                               InputStream bytes, long length) {
        // Micronaut writes Last-Modified from this time and answers If-Modified-Since with 304 by itself.
        long storedAt = content.storedAt() == null ? -1 : content.storedAt().toEpochMilli();
        FileBytes body = new FileBytes(bytes, mediaType(content.mime()), storedAt, length);
        // The stored type verbatim: MediaType would drop its parameters (a text file's charset).
        return withTag(response.body(body), content.etag()).header(HttpHeaders.CONTENT_TYPE, content.mime())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.of(content.name()))
                // Stated here too: a HEAD answer has no body for the server to take the length from.
                .header(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
    }

    private static void close(InputStream bytes) {
        try {
            bytes.close();
        } catch (IOException ignored) {
            // nothing was sent from it; the stream holds no vault resource (FileDownload.Content)
        }
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
