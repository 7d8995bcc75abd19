package dev.researchvault.adapter.http.agent;

import dev.researchvault.adapter.http.agent.AgentMessages.AppendLogRequest;
import dev.researchvault.adapter.http.agent.AgentMessages.ExecutionResponse;
import dev.researchvault.adapter.http.agent.AgentMessages.LogResponse;
import dev.researchvault.adapter.http.agent.AgentMessages.UpdateExecutionRequest;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.agent.RunAgentsUseCase;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.agent.ExecutionFilter;
import dev.researchvault.domain.agent.ExecutionStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import java.util.List;
import java.util.UUID;

/** Executions of the caller's agents, as their engine reports them: {@code /api/v1/executions}. */
@Controller("/api/v1/executions")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record ExecutionController(RunAgentsUseCase executions) {

    static final String NOT_FOUND = "execution.not-found";
    /**
     * Code of an {@code agentId} or {@code chatId} filter that is no id, as for the chat list's {@code agentId}: a bad
     * request, not an empty list, because a filter, unlike a path, does not name a resource that could be missing.
     */
    static final String INVALID_PARAMETER = "request.invalid-parameter";

    /**
     * The caller's executions, newest first, optionally only those of one agent, one chat and one status: page
     * {@code page}, or the executions after the cursor {@code after}; {@code next} continues the list.
     *
     * @param agentId only executions of this agent
     * @param chatId  only executions in this chat
     * @param status  only executions in this status (pending, running, completed, failed, cancelled)
     * @param paging  page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = "request.invalid-parameter: agentId or chatId is not an id, "
            + "or page or size is not a whole number the server can read; execution.invalid-status: status is not one "
            + "of the five; page.invalid-page, page.invalid-size, page.page-with-cursor, "
            + "page.invalid-cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public CursorPageResponse<ExecutionResponse> list(@CurrentSession Session session,
                                                      @QueryValue @Nullable String agentId,
                                                      @QueryValue @Nullable String chatId,
                                                      @QueryValue @Nullable String status, @RequestBean CursorPaging paging) {
        ExecutionFilter filter = new ExecutionFilter(filterId(agentId, "agentId"), filterId(chatId, "chatId"),
                absent(status) ? null : ExecutionStatus.fromWire(status));
        PageRequest slice = paging.request();
        return CursorPageResponse.of(executions.list(session, filter, slice), ExecutionResponse::of);
    }

    /** One execution. */
    @NotFoundAnswer
    @Get("/{id}")
    public ExecutionResponse get(@CurrentSession Session session, String id) {
        return ExecutionResponse.of(executions.get(session, executionId(id)));
    }

    /**
     * Records any of output, error and usage, then moves to {@code status}: {@code {status: "completed", output}}
     * is one request. The times follow from the status change.
     */
    @ApiResponse(responseCode = "400", description = "execution.invalid-status, execution.invalid-output, "
            + "execution.invalid-error, usage.invalid-tokens, usage.invalid-cost",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "execution.illegal-status-change: the status cannot move there; "
            + "execution.finished: the result of a finished execution is final",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Patch("/{id}")
    public ExecutionResponse update(@CurrentSession Session session, String id, @Body UpdateExecutionRequest body) {
        UUID executionId = executionId(id);
        return ExecutionResponse.of(executions.update(session, executionId, body.report()));
    }

    /** Appends a line to the execution's log. */
    @ApiResponse(responseCode = "400", description = "execution.invalid-log-level: not debug, info, warning or error; "
            + "execution.invalid-log-message", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Post("/{id}/logs")
    @Status(HttpStatus.CREATED)
    public HttpResponse<LogResponse> appendLog(@CurrentSession Session session, String id, @Body AppendLogRequest body) {
        return Created.at(LogResponse.of(executions.appendLog(session, executionId(id), body.level(), body.message())),
                "/api/v1/executions", id, "logs");
    }

    /** Log lines numbered above {@code after}, oldest first (at most 1000; page on with the last sequence). */
    @ApiResponse(responseCode = "400", description = "request.invalid-parameter: after is not a whole number the server "
            + "can read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Get("/{id}/logs")
    public List<LogResponse> logs(@CurrentSession Session session, String id,
                                  @QueryValue(defaultValue = "0") long after) {
        return executions.logs(session, executionId(id), after).stream().map(LogResponse::of).toList();
    }

    private static UUID executionId(String id) {
        return PathIds.parse(id, NOT_FOUND);
    }

    /** The id filter {@code name}; its problem names the parameter, never the value sent. */
    private static UUID filterId(String id, String name) {
        if (absent(id)) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new RuleViolationException(INVALID_PARAMETER, name + " must be an id (a UUID)");
        }
    }

    /** An empty filter ({@code ?status=}, as a form sends an unset field) filters nothing. */
    private static boolean absent(String filter) {
        return filter == null || filter.isEmpty();
    }
}
