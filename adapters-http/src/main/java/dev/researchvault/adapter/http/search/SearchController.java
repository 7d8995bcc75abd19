package dev.researchvault.adapter.http.search;

import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.search.SearchUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Full-text search over the caller's vault: {@code /api/v1/search}. */
@Controller("/api/v1/search")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record SearchController(SearchUseCase search) {

    /**
     * The caller's research, chats, messages, agents, executions, documents and drafts that contain every word of
     * {@code q}, best first (newest first, unranked, when more than 2,000 match), with a snippet of each that marks
     * the matched words. {@code totalExact} is false when a broad query was counted only past 2,000 matches;
     * {@code next} continues the answer (by index order when newest first: no gap, no repeat).
     *
     * @param q     words, {@code "quoted phrases"} and {@code prefix*} words; everything else is taken literally
     * @param kinds comma-separated: research, chat, message, agent, execution, document, draft (default all)
     */
    @ApiResponse(responseCode = "400", description = "search.invalid-query: q missing, above 500 characters, with no "
            + "letter or digit, or with more than 32 terms; search.invalid-kind; " + CursorPaging.ERRORS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public SearchPageResponse search(@CurrentSession Session session, @QueryValue @Nullable String q,
                                     @QueryValue @Nullable String kinds, @RequestBean CursorPaging paging) {
        return SearchPageResponse.of(search.search(session, q, kinds, paging.numbered(), paging.after()),
                paging.after() != null);
    }
}
