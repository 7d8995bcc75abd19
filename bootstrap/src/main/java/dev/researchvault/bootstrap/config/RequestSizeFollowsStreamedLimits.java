package dev.researchvault.bootstrap.config;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Raises {@code micronaut.server.max-request-size} to let the two streamed bodies through whole: a file of
 * {@code files.max-file-size} as the raw body of {@code POST /api/v1/uploads}, and an archive of
 * {@code transfer.max-import-size} as the body of {@code POST /api/v1/import} (both read as they arrive, never
 * buffered). So one setting moves each path's limit ({@code VAULT_MAX_FILE_SIZE}; an export of a vault with a
 * gigabyte of files imports with the defaults), and the framework's limit stays a ceiling above the application's
 * own, which answer the precise 413s ({@code file.too-large}, {@code import.too-large}). Never lowers it. JSON bodies
 * stay bounded by {@code max-request-buffer-size}, multipart parts by {@code multipart.max-file-size}
 * (docs/blobs.md, "Limits").
 */
@Singleton
final class RequestSizeFollowsStreamedLimits implements BeanCreatedEventListener<HttpServerConfiguration> {

    /** A body a little above the file limit still reaches the application, which names the limit in its answer. */
    static final long HEADROOM = 1024 * 1024;

    private final FilesConfiguration files;
    private final TransferConfiguration transfer;

    RequestSizeFollowsStreamedLimits(FilesConfiguration files, TransferConfiguration transfer) {
        this.files = files;
        this.transfer = transfer;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        long needed = Math.max(files.getMaxFileSize(), transfer.getMaxImportSize()) + HEADROOM;
        if (server.getMaxRequestSize() < needed) {
            server.setMaxRequestSize(needed);
        }
        return server;
    }
}
