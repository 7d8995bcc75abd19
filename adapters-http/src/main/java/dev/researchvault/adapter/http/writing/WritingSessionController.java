package dev.researchvault.adapter.http.writing;

import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.adapter.http.writing.WritingMessages.DraftResponse;
import dev.researchvault.adapter.http.writing.WritingMessages.NewDraftRequest;
import dev.researchvault.adapter.http.writing.WritingMessages.SessionRequest;
import dev.researchvault.adapter.http.writing.WritingMessages.SessionResponse;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.writing.EditDraftsUseCase;
import dev.researchvault.application.writing.ManageWritingSessionsUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;

/** The caller's writing sessions and the drafts they hold: {@code /api/v1/writing-sessions}. */
@Controller("/api/v1/writing-sessions")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record WritingSessionController(ManageWritingSessionsUseCase sessions, EditDraftsUseCase drafts) {

    static final String NOT_FOUND = "writing.not-found";
    /** A {@code chatId} in a body names a chat: one that is no id is as unknown as a missing one, as in paths. */
    static final String CHAT_NOT_FOUND = "chat.not-found";

    /** A new session, started from the chat {@code chatId} when given. */
    @ApiResponse(responseCode = "400", description = "writing.invalid-title",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "chat.not-found (also a chatId that is not an id)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post
    @Status(HttpStatus.CREATED)
    public HttpResponse<SessionResponse> createSession(@CurrentSession Session session, @Body SessionRequest body) {
        SessionResponse created = SessionResponse.of(sessions.create(session, body.title(), chatId(body)));
        return Created.at(created, "/api/v1/writing-sessions", created.id());
    }

    /**
     * The caller's sessions, most recently updated first: page {@code page}, or those after the cursor
     * {@code after}; {@code next} continues the list.
     *
     * @param paging page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public CursorPageResponse<SessionResponse> listSessions(@CurrentSession Session session, @RequestBean CursorPaging paging) {
        return CursorPageResponse.of(sessions.list(session, paging.request()), SessionResponse::of);
    }

    /** One writing session. */
    @NotFoundAnswer
    @Get("/{id}")
    public SessionResponse getSession(@CurrentSession Session session, String id) {
        return SessionResponse.of(sessions.get(session, sessionId(id)));
    }

    /** Renames the session and/or links it to another chat. */
    @ApiResponse(responseCode = "404", description = "writing.not-found, chat.not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Patch("/{id}")
    public SessionResponse updateSession(@CurrentSession Session session, String id, @Body SessionRequest body) {
        return SessionResponse.of(sessions.update(session, sessionId(id), body.title(), chatId(body)));
    }

    /** Deletes the session with its drafts, their versions and references. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}")
    public HttpResponse<Void> deleteSession(@CurrentSession Session session, String id) {
        sessions.delete(session, sessionId(id));
        return HttpResponse.noContent();
    }

    /** Version 1 of a new draft of the session. */
    @ApiResponse(responseCode = "400", description = "draft.invalid-title, draft.invalid-content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "draft.too-large: content above 1,048,576 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Post("/{id}/drafts")
    @Status(HttpStatus.CREATED)
    public HttpResponse<DraftResponse> createDraft(@CurrentSession Session session, String id, @Body NewDraftRequest body) {
        DraftResponse created = DraftResponse.of(drafts.create(session, sessionId(id), body.title(), body.content()));
        return Created.at(created, "/api/v1/drafts", created.id());
    }

    /**
     * The drafts of the session at their latest versions, most recently saved first.
     *
     * @param paging page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Get("/{id}/drafts")
    public CursorPageResponse<DraftResponse> listDrafts(@CurrentSession Session session, String id,
                                                        @RequestBean CursorPaging paging) {
        return CursorPageResponse.of(drafts.list(session, sessionId(id), paging.request()), DraftResponse::of);
    }

    private static UUID sessionId(String id) {
        return PathIds.parse(id, NOT_FOUND);
    }

    private static UUID chatId(SessionRequest body) {
        return body.chatId() == null ? null : PathIds.parse(body.chatId(), CHAT_NOT_FOUND);
    }
}
