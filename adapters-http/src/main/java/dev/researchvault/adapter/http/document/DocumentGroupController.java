package dev.researchvault.adapter.http.document;

import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.document.DocumentMessages.GroupRequest;
import dev.researchvault.adapter.http.document.DocumentMessages.GroupResponse;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.document.DocumentErrors;
import dev.researchvault.application.document.ManageDocumentGroupsUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;

/** The caller's document groups and their members: {@code /api/v1/document-groups}. */
@Controller("/api/v1/document-groups")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record DocumentGroupController(ManageDocumentGroupsUseCase groups) {

    /** A new, empty group. */
    @ApiResponse(responseCode = "400", description = "document-group.invalid-name, document-group.invalid-description",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "document-group.name-taken: another group of the caller has this "
            + "name (ASCII letters compared without case)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post
    @Status(HttpStatus.CREATED)
    public HttpResponse<GroupResponse> create(@CurrentSession Session session, @Body GroupRequest body) {
        GroupResponse created = GroupResponse.of(groups.create(session, body.name(), body.description()));
        return Created.at(created, "/api/v1/document-groups", created.id());
    }

    /**
     * The caller's groups, newest first, each with its {@code documentCount}.
     *
     * @param paging page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public CursorPageResponse<GroupResponse> list(@CurrentSession Session session, @RequestBean CursorPaging paging) {
        return CursorPageResponse.of(groups.list(session, paging.request()), GroupResponse::of);
    }

    /** One group, with its document count. */
    @NotFoundAnswer
    @Get("/{id}")
    public GroupResponse get(@CurrentSession Session session, String id) {
        return GroupResponse.of(groups.get(session, groupId(id)));
    }

    /** Renames and/or describes the group; {@code ""} clears the description. */
    @ApiResponse(responseCode = "400", description = "as for POST /api/v1/document-groups",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "document-group.name-taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Patch("/{id}")
    public GroupResponse update(@CurrentSession Session session, String id, @Body GroupRequest body) {
        return GroupResponse.of(groups.update(session, groupId(id), body.name(), body.description()));
    }

    /** Deletes the group; its documents stay. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}")
    public HttpResponse<Void> delete(@CurrentSession Session session, String id) {
        groups.delete(session, groupId(id));
        return HttpResponse.noContent();
    }

    /** Puts the document into the group; idempotent. */
    @ApiResponse(responseCode = "404", description = "document-group.not-found; document.not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Status(HttpStatus.NO_CONTENT)
    @Put("/{id}/documents/{documentId}")
    public HttpResponse<Void> addDocument(@CurrentSession Session session, String id, String documentId) {
        groups.addDocument(session, groupId(id), documentId(documentId));
        return HttpResponse.noContent();
    }

    /** Takes the document out of the group; idempotent. */
    @ApiResponse(responseCode = "404", description = "document-group.not-found; document.not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Status(HttpStatus.NO_CONTENT)
    @Delete("/{id}/documents/{documentId}")
    public HttpResponse<Void> removeDocument(@CurrentSession Session session, String id, String documentId) {
        groups.removeDocument(session, groupId(id), documentId(documentId));
        return HttpResponse.noContent();
    }

    private static UUID groupId(String id) {
        return PathIds.parse(id, DocumentErrors.GROUP_NOT_FOUND);
    }

    private static UUID documentId(String id) {
        return PathIds.parse(id, DocumentErrors.DOCUMENT_NOT_FOUND);
    }
}
