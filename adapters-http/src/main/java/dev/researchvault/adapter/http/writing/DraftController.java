package dev.researchvault.adapter.http.writing;

import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.PageResponse;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.adapter.http.writing.WritingMessages.DraftResponse;
import dev.researchvault.adapter.http.writing.WritingMessages.ReferenceRequest;
import dev.researchvault.adapter.http.writing.WritingMessages.ReferenceResponse;
import dev.researchvault.adapter.http.writing.WritingMessages.SaveDraftRequest;
import dev.researchvault.adapter.http.writing.WritingMessages.VersionResponse;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.writing.EditDraftsUseCase.NewReference;
import dev.researchvault.application.writing.EditDraftsUseCase;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.PageRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;

/** Drafts by id, their versions and references: {@code /api/v1/drafts}. */
@Controller("/api/v1/drafts")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record DraftController(EditDraftsUseCase drafts) {

    static final String NOT_FOUND = "draft.not-found";
    static final String VERSION_NOT_FOUND = "draft.version-not-found";
    static final String REFERENCE_NOT_FOUND = "reference.not-found";
    /** Ids a reference links to: one that is no id is a bad field, not a missing resource. */
    static final String INVALID_LINK = "reference.invalid-link";

    /** The latest version. */
    @NotFoundAnswer
    @Get("/{id}")
    public DraftResponse getDraft(@CurrentSession Session session, String id) {
        return DraftResponse.of(drafts.get(session, draftId(id)));
    }

    /** Saves a new version over {@code baseVersion}, the version the client last read. */
    @ApiResponse(responseCode = "400", description = "draft.invalid-base-version, draft.invalid-title, draft.invalid-content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "draft.version-conflict: baseVersion is not the latest version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "draft.too-large: content above 1,048,576 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Put("/{id}")
    public DraftResponse saveDraft(@CurrentSession Session session, String id, @Body SaveDraftRequest body) {
        return DraftResponse.of(drafts.save(session, draftId(id), body.content(), body.title(), body.baseVersion()));
    }

    /** Deletes the draft with every version and reference. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}")
    public HttpResponse<Void> deleteDraft(@CurrentSession Session session, String id) {
        drafts.delete(session, draftId(id));
        return HttpResponse.noContent();
    }

    /**
     * The versions, newest first, without content.
     *
     * @param page page number from 0 (default 0)
     * @param size versions per page, 1 to 200 (default 20)
     */
    @ApiResponse(responseCode = "400", description = "request.invalid-parameter, page.invalid-page, page.invalid-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Get("/{id}/versions")
    public PageResponse<VersionResponse> listVersions(@CurrentSession Session session, String id,
                                                  @QueryValue(defaultValue = "0") int page,
                                                  @QueryValue(defaultValue = "20") int size) {
        return PageResponse.of(drafts.versions(session, draftId(id), new PageRequest(page, size)), VersionResponse::of);
    }

    /** One version of the draft. */
    @NotFoundAnswer
    @Get("/{id}/versions/{version}")
    public DraftResponse getVersion(@CurrentSession Session session, String id, String version) {
        return DraftResponse.of(drafts.version(session, draftId(id), versionNumber(version)));
    }

    /** A new reference (citation) of the draft. */
    @ApiResponse(responseCode = "400", description = "reference.invalid-citation, reference.invalid-url, "
            + "reference.invalid-position, reference.invalid-resource (resourceId without researchId), "
            + "reference.invalid-link (an id that is not one)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "draft.not-found, research.not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "draft.too-many-references: the draft has 1,000 already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post("/{id}/references")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ReferenceResponse> addReference(@CurrentSession Session session, String id, @Body ReferenceRequest body) {
        // Every refused part (a link that is no id, then the reference's own) is named at once.
        FieldChecks fields = new FieldChecks();
        UUID documentId = fields.check("documentId", () -> link(body.documentId()));
        UUID researchId = fields.check("researchId", () -> link(body.researchId()));
        UUID resourceId = fields.check("resourceId", () -> link(body.resourceId()));
        NewReference reference = new NewReference(body.citation(), documentId, researchId, resourceId, body.url(),
                body.position());
        fields.checkAll("citation", reference::requireValid);
        fields.requireNone();
        ReferenceResponse created = ReferenceResponse.of(drafts.cite(session, draftId(id), reference));
        return Created.at(created, "/api/v1/drafts", id, "references", created.id());
    }

    /** The references, by position (those without one last), then in the order added. */
    @NotFoundAnswer
    @Get("/{id}/references")
    public List<ReferenceResponse> listReferences(@CurrentSession Session session, String id) {
        return drafts.references(session, draftId(id)).stream().map(ReferenceResponse::of).toList();
    }

    /** Removes a reference of the draft. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}/references/{referenceId}")
    public HttpResponse<Void> removeReference(@CurrentSession Session session, String id, String referenceId) {
        UUID draft = draftId(id);
        drafts.removeReference(session, draft, PathIds.parse(referenceId, REFERENCE_NOT_FOUND));
        return HttpResponse.noContent();
    }

    private static UUID draftId(String id) {
        return PathIds.parse(id, NOT_FOUND);
    }

    private static UUID link(String id) {
        return PathIds.parseReference(id, INVALID_LINK);
    }

    /** A version in a path: anything but a whole number from 1 names no version (404, as a malformed id). */
    private static int versionNumber(String text) {
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new NotFoundException(VERSION_NOT_FOUND, "the draft has no such version");
    }
}
