package dev.researchvault.adapter.http.search;

import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.PageResponse;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.search.SearchUseCase;
import dev.researchvault.domain.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
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
     * {@code q}, best first (newest first when more than 2,000 match), with a snippet of each that marks the matched
     * words.
     *
     * @param q     words, {@code "quoted phrases"} and {@code prefix*} words; everything else is taken literally
     * @param kinds comma-separated: research, chat, message, agent, execution, document, draft (default all)
     * @param page  page number from 0 (default 0)
     * @param size  items per page, 1 to 200 (default 20)
     */
    @ApiResponse(responseCode = "400", description = "search.invalid-query: q missing, above 500 characters, with no "
            + "letter or digit, or with more than 32 terms; search.invalid-kind; request.invalid-parameter, "
            + "page.invalid-page, page.invalid-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public PageResponse<SearchHitResponse> search(@CurrentSession Session session, @QueryValue @Nullable String q,
                                                  @QueryValue @Nullable String kinds,
                                                  @QueryValue(defaultValue = "0") int page,
                                                  @QueryValue(defaultValue = "20") int size) {
        return PageResponse.of(search.search(session, q, kinds, new PageRequest(page, size)), SearchHitResponse::of);
    }
}
