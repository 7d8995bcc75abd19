package dev.researchvault.bootstrap.config;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Raises {@code micronaut.server.max-request-size} to let a file of {@code files.max-file-size} through as the raw
 * body of {@code POST /api/v1/uploads} (streamed, never buffered), so one setting ({@code VAULT_MAX_FILE_SIZE})
 * moves every upload path's limit: the framework's limit stays a ceiling above the application's own, which answers
 * the precise 413 {@code file.too-large}. Never lowers it. JSON bodies stay bounded by
 * {@code max-request-buffer-size}, multipart parts by {@code multipart.max-file-size} (docs/blobs.md, "Limits").
 */
@Singleton
final class RequestSizeFollowsFileLimit implements BeanCreatedEventListener<HttpServerConfiguration> {

    /** A body a little above the file limit still reaches the application, which names the limit in its answer. */
    static final long HEADROOM = 1024 * 1024;

    private final FilesConfiguration files;

    RequestSizeFollowsFileLimit(FilesConfiguration files) {
        this.files = files;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        long needed = files.getMaxFileSize() + HEADROOM;
        if (server.getMaxRequestSize() < needed) {
            server.setMaxRequestSize(needed);
        }
        return server;
    }
}
