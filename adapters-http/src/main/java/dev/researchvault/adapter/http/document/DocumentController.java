package dev.researchvault.adapter.http.document;

import dev.researchvault.adapter.http.openapi.FileDownloadAnswers;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.document.DocumentMessages.ChunkRequest;
import dev.researchvault.adapter.http.document.DocumentMessages.ChunkResponse;
import dev.researchvault.adapter.http.document.DocumentMessages.DocumentChangesRequest;
import dev.researchvault.adapter.http.document.DocumentMessages.DocumentResponse;
import dev.researchvault.adapter.http.document.DocumentMessages.TextRequest;
import dev.researchvault.adapter.http.document.DocumentMessages.UploadedDocumentRequest;
import dev.researchvault.adapter.http.file.FileRequest;
import dev.researchvault.adapter.http.file.FileResponses;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.page.PageResponse;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.blob.FileSizeLimit;
import dev.researchvault.application.document.DocumentErrors;
import dev.researchvault.application.document.ManageDocumentsUseCase;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.document.DocumentFilter;
import dev.researchvault.domain.document.DocumentStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;

/** The caller's document library: {@code /api/v1/documents}. */
@Controller("/api/v1/documents")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record DocumentController(ManageDocumentsUseCase documents, FileSizeLimit fileSizeLimit, JsonMapper json) {

    /**
     * A new, pending document: file part {@code file}, optional text parts {@code title}, {@code authors},
     * {@code year}, {@code sourceUrl}. The bytes are kept in the vault's blob file, never in its rows.
     */
    @ApiResponse(responseCode = "400", description = "request.malformed-multipart; document.invalid-multipart: a part other "
            + "than file, title, authors, year, sourceUrl, or one sent twice; document.file-required; document.invalid-title, "
            + "document.invalid-authors, document.invalid-year, document.invalid-source-url, blob.invalid-mime",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "file.too-large: the file above the file size limit; "
            + "request.too-large: the whole body above the request size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = DocumentUploadRequest.class)))
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    public HttpResponse<DocumentResponse> upload(@CurrentSession Session session, @Body MultipartBody body) {
        DocumentUpload upload = DocumentUpload.read(body, fileSizeLimit);
        DocumentResponse uploaded = DocumentResponse.of(documents.upload(session, upload.fields(), upload.mime(), upload.bytes()));
        return Created.at(uploaded, "/api/v1/documents", uploaded.id());
    }

    /**
     * A new, pending document whose file is an earlier upload ({@code POST /api/v1/uploads}), taken without copying
     * its bytes: {@code {uploadId, title?, authors?, year?, sourceUrl?}}; the upload's name is the fallback title.
     */
    @ApiResponse(responseCode = "400", description = "document.file-required: no uploadId; document.invalid-upload-id; "
            + "document.invalid-title, document.invalid-authors, document.invalid-year, document.invalid-source-url",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "upload.not-found: no such upload waiting (unknown, expired or taken)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post(uri = "/from-upload", consumes = MediaType.APPLICATION_JSON)
    @Status(HttpStatus.CREATED)
    public HttpResponse<DocumentResponse> fromUpload(@CurrentSession Session session,
                                                     @Body UploadedDocumentRequest body) {
        DocumentResponse created = DocumentResponse.of(documents.fromUpload(session, body.fields(), body.upload()));
        return Created.at(created, "/api/v1/documents", created.id());
    }

    /**
     * The caller's documents, newest first: page {@code page}, or those after the cursor {@code after}.
     *
     * @param status  only documents in this processing status (pending, processing, completed, failed)
     * @param groupId only documents of this group
     * @param q       only documents whose title or authors contain this text (ASCII letters without regard to case)
     * @param paging  page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = "document.invalid-status; document.invalid-filter: q longer than "
            + "200 characters; " + CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "document-group.not-found: groupId names no group of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public CursorPageResponse<DocumentResponse> list(@CurrentSession Session session, @QueryValue @Nullable String status,
                                                     @QueryValue @Nullable String groupId, @QueryValue @Nullable String q,
                                                     @RequestBean CursorPaging paging) {
        DocumentFilter filter = new DocumentFilter(status == null || status.isEmpty() ? null : DocumentStatus.fromWire(status),
                groupId == null || groupId.isEmpty() ? null : PathIds.parse(groupId, DocumentErrors.GROUP_NOT_FOUND), q);
        PageRequest slice = paging.request();
        return CursorPageResponse.of(documents.list(session, filter, slice), DocumentResponse::of);
    }

    /** One document's facts and groups (its text and file have their own paths). */
    @NotFoundAnswer
    @Get("/{id}")
    public DocumentResponse get(@CurrentSession Session session, String id) {
        return DocumentResponse.of(documents.get(session, documentId(id)));
    }

    /**
     * Changes any of the fields together; how a processing engine reports: {@code status} moves
     * pending → processing → completed | failed (failed → processing to retry), {@code error} goes with failed.
     */
    @ApiResponse(responseCode = "400", description = "document.invalid-title, document.invalid-authors, "
            + "document.invalid-year, document.invalid-source-url, document.invalid-status, document.invalid-error",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "document.illegal-status-change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Patch("/{id}")
    public DocumentResponse update(@CurrentSession Session session, String id, @Body DocumentChangesRequest body) {
        return DocumentResponse.of(documents.update(session, documentId(id), body.changes()));
    }

    /** Deletes the document with its file, text, chunks and group memberships. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}")
    public HttpResponse<Void> delete(@CurrentSession Session session, String id) {
        documents.delete(session, documentId(id));
        return HttpResponse.noContent();
    }

    /** The document's file with its stored media type, length and a strong ETag (304 on If-None-Match). */
    @FileDownloadAnswers
    @Get(uri = "/{id}/file", produces = MediaType.ALL)
    public HttpResponse<?> file(@CurrentSession Session session, String id, @RequestBean FileRequest request) {
        return FileResponses.of(documents.download(session, documentId(id), request.ifNoneMatch()), request);
    }

    /** Replaces the extracted text, sent as {@code text/plain}. */
    @ApiResponse(responseCode = "400", description = "document.invalid-text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "document.text-too-large: above 10,000,000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Put(uri = "/{id}/text", consumes = MediaType.TEXT_PLAIN)
    public HttpResponse<Void> putPlainText(@CurrentSession Session session, String id, @Nullable @Body String text) {
        documents.putText(session, documentId(id), text == null ? "" : text);
        return HttpResponse.noContent();
    }

    /** Replaces the extracted text, sent as JSON {@code {"text": …}}. */
    @ApiResponse(responseCode = "400", description = "document.invalid-text: text missing or not well-formed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "document.text-too-large: above 10,000,000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Put(uri = "/{id}/text", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<Void> putJsonText(@CurrentSession Session session, String id, @Body TextRequest body) {
        documents.putText(session, documentId(id), body.text());
        return HttpResponse.noContent();
    }

    /** Replaces all of the document's chunks with the array sent (indexes unique, at most 10,000). */
    @ApiResponse(responseCode = "400", description = "document.invalid-chunks: not an array of chunks, a field missing, "
            + "an index twice or below 0, offsets not 0 <= startOffset <= endOffset, text empty or above 100,000 "
            + "characters, metadata above 16 KiB as JSON, more than 10,000 chunks",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            array = @ArraySchema(schema = @Schema(implementation = ChunkRequest.class))))
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Put("/{id}/chunks")
    public HttpResponse<Void> replaceChunks(@CurrentSession Session session, String id, @Nullable @Body JsonNode body) {
        UUID documentId = documentId(id);
        documents.replaceChunks(session, documentId, ChunkRequest.chunks(body, json));
        return HttpResponse.noContent();
    }

    /** The document's chunks in index order, by page. */
    @ApiResponse(responseCode = "400", description = "request.invalid-parameter, page.invalid-page, page.invalid-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Get("/{id}/chunks")
    public PageResponse<ChunkResponse> chunks(@CurrentSession Session session, String id,
                                              @QueryValue(defaultValue = "0") int page,
                                              @QueryValue(defaultValue = "20") int size) {
        return PageResponse.of(documents.chunks(session, documentId(id), new PageRequest(page, size)), ChunkResponse::of);
    }

    private static UUID documentId(String id) {
        return PathIds.parse(id, DocumentErrors.DOCUMENT_NOT_FOUND);
    }
}
