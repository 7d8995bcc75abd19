package dev.researchvault.adapter.http.file;

import dev.researchvault.application.transfer.ArchiveWriter;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;

/**
 * A zip answered as it is written: the writer runs on a thread of {@code archives} (it holds the vault, or open
 * backup files, until it is done) and the response streams what it writes through an {@link ArchivePipe}, in
 * chunked transfer encoding. Every check of the request ran before (the writer exists only once they passed),
 * so a refusal is still a proper problem; a failure while writing cuts the response off.
 */
public final class ArchiveResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveResponses.class);
    private static final MediaType ZIP = MediaType.of("application/zip");

    private ArchiveResponses() {
    }

    /** @param fileName offered to the client to save under (our own text: no quoting needed) */
    public static MutableHttpResponse<StreamedFile> zip(ArchiveWriter writer, Executor archives, String fileName) {
        ArchivePipe pipe = new ArchivePipe();
        ArchivePipe.Sink sink = pipe.sink();
        archives.execute(() -> {
            try {
                writer.writeTo(sink);
                sink.finish();
            } catch (Throwable failure) {
                pipe.fail();
                // The type only: a message could quote content. A client that went away is the usual cause.
                LOG.info("event=archive.cut-off error={}", failure.getClass().getSimpleName());
                if (failure instanceof Error error) {
                    throw error;
                }
            }
        });
        return HttpResponse.ok(new StreamedFile(pipe.source(), ZIP))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff");
    }
}
