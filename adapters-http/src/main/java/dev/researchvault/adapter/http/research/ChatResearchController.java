package dev.researchvault.adapter.http.research;

import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.ResearchMessages.ResearchResponse;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.research.ManageResearchUseCase;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The research started from a chat: {@code /api/v1/chats/{id}/research}. Its logs are the research logs. */
@Controller("/api/v1/chats")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record ChatResearchController(ManageResearchUseCase research) {

    static final String CHAT_NOT_FOUND = "chat.not-found";

    /**
     * The research started from the chat, newest first: page {@code page}, or the research after the cursor
     * {@code after}; {@code next} continues the list.
     *
     * @param paging page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "chat.not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get("/{id}/research")
    public CursorPageResponse<ResearchResponse> listResearchOfChat(@CurrentSession Session session, String id,
                                                     @RequestBean CursorPaging paging) {
        return CursorPageResponse.of(research.listOfChat(session, PathIds.parse(id, CHAT_NOT_FOUND), paging.request()),
                ResearchResponse::of);
    }
}
