package dev.researchvault.adapter.http.file;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.ByteBodyHttpResponseWrapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.MessageBodyHandlerRegistry;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.body.stream.BodySizeLimits;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Writes {@link FileBytes}: the headers exactly as Micronaut writes them for a {@link StreamedFile} (its own writer
 * is asked, with the same facts and no bytes: {@code Date}, {@code Last-Modified}, {@code Expires},
 * {@code Cache-Control}, and 304 for a fresh {@code If-Modified-Since}), the bytes in {@link FilePieces} of 1 MiB.
 *
 * <p>Why not a {@code StreamedFile}: Micronaut reads its stream 8 KiB at a time, and every 8 KiB passes from an
 * executor thread to the event loop and, once written, a request for more back again. Profiled on a 200 MiB
 * download (docs/benchmarks.md, "Streamed files"), those hand-overs, not reading or decrypting, were where the time
 * went; pieces of 1 MiB make 128 times fewer of them.
 */
@Singleton
final class FileBytesWriter implements ResponseBodyWriter<FileBytes> {

    private static final Argument<StreamedFile> STREAMED_FILE = Argument.of(StreamedFile.class);

    private final MessageBodyHandlerRegistry writers;
    private final ExecutorService blocking;

    FileBytesWriter(MessageBodyHandlerRegistry writers, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.writers = writers;
        this.blocking = blocking;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // the response's body type changes from FileBytes to StreamedFile
    public ByteBodyHttpResponse<?> write(ByteBodyFactory bodyFactory, HttpRequest<?> request,
                                         MutableHttpResponse<FileBytes> response, Argument<FileBytes> type,
                                         MediaType mediaType, FileBytes file) throws CodecException {
        ByteBodyHttpResponse<?> headed;
        try {
            ResponseBodyWriter<StreamedFile> headers = ResponseBodyWriter.wrap(writers.getWriter(STREAMED_FILE, List.of(mediaType)));
            headed = headers.write(bodyFactory, request, (MutableHttpResponse) response, STREAMED_FILE, mediaType,
                    file.withoutBytes());
        } catch (RuntimeException failure) {
            letGo(file);
            throw failure;
        }
        if (headed.code() == HttpStatus.NOT_MODIFIED.getCode()) {
            letGo(file);
            return headed;
        }
        headed.close(); // its body is the empty stream it was given
        return ByteBodyHttpResponseWrapper.wrap(response, writePiece(bodyFactory, request, response, type, mediaType, file));
    }

    @Override
    public CloseableByteBody writePiece(ByteBodyFactory bodyFactory, HttpRequest<?> request, HttpResponse<?> response,
                                        Argument<FileBytes> type, MediaType mediaType, FileBytes file) {
        FilePieces pieces = new FilePieces(file.bytes());
        // The length comes from the response's Content-Length (FileResponses states it); an answer discarded unread
        // (a HEAD, a connection gone) closes the stream, releasing the vault it may hold open.
        return bodyFactory.adapt(pieces.publisher(bodyFactory.readBufferFactory(), blocking), BodySizeLimits.UNLIMITED,
                response.getHeaders(), pieces::close);
    }

    /** Closes the bytes of an answer that will have no body: a chunked file's stream keeps the vault open. */
    private static void letGo(FileBytes file) {
        new FilePieces(file.bytes()).close();
    }

    @Override
    public void writeTo(Argument<FileBytes> type, MediaType mediaType, FileBytes file, MutableHeaders headers,
                        OutputStream out) throws CodecException {
        throw new UnsupportedOperationException("a file download is written by the HTTP server only");
    }
}
