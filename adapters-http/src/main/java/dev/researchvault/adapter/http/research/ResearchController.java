package dev.researchvault.adapter.http.research;

import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.read.EventLoopReads;
import dev.researchvault.adapter.http.research.ResearchMessages.ResearchResponse;
import dev.researchvault.adapter.http.research.ResearchMessages.StartResearchRequest;
import dev.researchvault.adapter.http.research.ResearchMessages.UpdateResearchRequest;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.research.ManageResearchUseCase;
import dev.researchvault.application.research.StartResearchCommand;
import dev.researchvault.application.research.UpdateResearchCommand;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.research.ResearchFilter;
import dev.researchvault.domain.research.ResearchStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Research tasks: {@code /api/v1/research}. Every route runs on the blocking executor but reading one research,
 * which is tried on the event loop first ({@link EventLoopReads}).
 */
@Controller("/api/v1/research")
@SessionRequired
record ResearchController(ManageResearchUseCase research, EventLoopReads reads) {

    static final String NOT_FOUND = "research.not-found";

    /** Starts a pending research, from the chat {@code chatId} when given. */
    @ApiResponse(responseCode = "404", description = "chat.not-found: chatId names no chat of the caller (also one that is not an id)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post
    @Status(HttpStatus.CREATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<ResearchResponse> start(@CurrentSession Session session, @Body StartResearchRequest body) {
        // A body's chatId names a chat as a path does: one that is no id is as unknown as a missing one.
        UUID chatId = body.chatId() == null ? null : PathIds.parse(body.chatId(), ChatResearchController.CHAT_NOT_FOUND);
        StartResearchCommand command = new StartResearchCommand(body.query(), body.mode(), chatId);
        ResearchResponse started = ResearchResponse.of(research.start(session, command));
        return Created.at(started, "/api/v1/research", started.id());
    }

    /**
     * The caller's research, newest first, optionally by status and containing {@code q} in query or title:
     * page {@code page}, or the research after the cursor {@code after}; {@code next} continues the list.
     *
     * @param paging  page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public CursorPageResponse<ResearchResponse> list(@CurrentSession Session session,
                                                     @QueryValue @Nullable String status,
                                                     @QueryValue @Nullable String q, @RequestBean CursorPaging paging) {
        ResearchFilter filter = new ResearchFilter(status == null ? null : ResearchStatus.fromWire(status), q);
        PageRequest slice = paging.request();
        return CursorPageResponse.of(research.list(session, filter, slice), ResearchResponse::of);
    }

    /** One research. */
    @NotFoundAnswer
    @Get("/{id}")
    public CompletableFuture<ResearchResponse> get(@CurrentSession Session session, String id) {
        UUID researchId = researchId(id);
        return reads.answer(() -> ResearchResponse.of(research.get(session, researchId)));
    }

    /** Changes any of status, progress, title, metadata and usage; times follow from the status change. */
    @NotFoundAnswer
    @Patch("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public ResearchResponse update(@CurrentSession Session session, String id, @Body UpdateResearchRequest body) {
        UpdateResearchCommand command = body.command();
        return ResearchResponse.of(research.update(session, researchId(id), command));
    }

    /** Deletes the research with its queries, resources, report and log. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Void> delete(@CurrentSession Session session, String id) {
        research.delete(session, researchId(id));
        return HttpResponse.noContent();
    }

    static UUID researchId(String id) {
        return PathIds.parse(id, NOT_FOUND);
    }
}
