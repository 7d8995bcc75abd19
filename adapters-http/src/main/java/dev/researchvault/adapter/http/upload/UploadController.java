package dev.researchvault.adapter.http.upload;

import dev.researchvault.adapter.http.file.ReadAheadBody;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.UploadFileCommand;
import dev.researchvault.application.blob.UploadFileUseCase;
import dev.researchvault.domain.blob.StagedUpload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Files uploaded on their own, for a message or document to take later by id: {@code /api/v1/uploads}. The body
 * is the file's raw bytes, read as a stream on the blocking executor and stored as it arrives (never buffered
 * whole, so the size limit can reach gigabytes), received a little ahead of the store ({@link ReadAheadBody});
 * docs/api.md, "Uploads".
 */
@Controller("/api/v1/uploads")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record UploadController(UploadFileUseCase uploads) {

    /** Without a {@code Content-Type}, the bytes are of no known type. */
    private static final String UNKNOWN_TYPE = MediaType.APPLICATION_OCTET_STREAM;

    /**
     * A new upload: the body is the file, {@code Content-Type} its media type, {@code name} its file name. Answers
     * 201 with the upload's id, size, SHA-256 and expiry, and {@code Location}; a message ({@code files[].uploadId})
     * takes it before it expires.
     *
     * @param name the file's name (1 to 255 characters), kept with the upload
     */
    @ApiResponse(responseCode = "400", description = "upload.invalid-name; blob.invalid-mime; blob.unreadable: the body broke off",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "file.too-large: announced or received above the file size limit "
            + "(answered as soon as it is passed; nothing is kept); vault.quota-exceeded: the announced size would take "
            + "the user's files over the storage quota",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // The body is read from the request (ReadAheadBody), not bound: stated here so the API reference still shows it.
    @RequestBody(required = true, content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "string", format = "binary")))
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    public HttpResponse<UploadResponse> upload(@CurrentSession Session session, HttpRequest<?> request,
                                               @Nullable @QueryValue String name) {
        String mime = request.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class).orElse(UNKNOWN_TYPE);
        long length = request.getContentLength();
        // Closed whatever happens: a body refused before its end (413 on the announced size) must be let go, or the
        // server waits for a reader that never comes and the answer is held back until the connection times out.
        try (ReadAheadBody content = ReadAheadBody.of(request)) {
            StagedUpload upload = uploads.upload(session, new UploadFileCommand(mime, Optional.ofNullable(name),
                    length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), content));
            return HttpResponse.created(UploadResponse.of(upload), URI.create("/api/v1/uploads/" + upload.id()));
        }
    }

    /** An upload still waiting to be taken; 404 {@code upload.not-found} once taken, expired, or never made. */
    @ApiResponse(responseCode = "404", description = "upload.not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public UploadResponse find(@CurrentSession Session session, String id) {
        return UploadResponse.of(uploads.find(session, PathIds.parse(id, "upload.not-found")));
    }
}
