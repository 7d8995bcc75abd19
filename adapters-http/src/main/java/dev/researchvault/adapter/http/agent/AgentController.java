package dev.researchvault.adapter.http.agent;

import dev.researchvault.adapter.http.agent.AgentMessages.AgentRequest;
import dev.researchvault.adapter.http.agent.AgentMessages.AgentResponse;
import dev.researchvault.adapter.http.agent.AgentMessages.ExecutionResponse;
import dev.researchvault.adapter.http.agent.AgentMessages.StartExecutionRequest;
import dev.researchvault.adapter.http.created.Created;
import dev.researchvault.adapter.http.openapi.NotFoundAnswer;
import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.page.CursorPageResponse;
import dev.researchvault.adapter.http.page.CursorPaging;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.agent.ManageAgentsUseCase;
import dev.researchvault.application.agent.RunAgentsUseCase;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.agent.Agent.AgentChanges;
import dev.researchvault.domain.agent.AgentFilter;
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

/** The caller's agents, and the start of their executions: {@code /api/v1/agents}. */
@Controller("/api/v1/agents")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record AgentController(ManageAgentsUseCase agents, RunAgentsUseCase executions) {

    static final String NOT_FOUND = "agent.not-found";
    /** Stable code of a list filter the server cannot read. */
    static final String INVALID_FILTER = "agent.invalid-filter";
    /** A {@code chatId} in a body names a chat: one that is no id is as unknown as a missing one, as in paths. */
    static final String CHAT_NOT_FOUND = "chat.not-found";

    /** A new agent, active unless {@code active} is false. */
    @ApiResponse(responseCode = "400", description = "agent.invalid-name, agent.invalid-description, agent.invalid-model, "
            + "agent.invalid-system-prompt; agent.invalid-active: active is not true or false; agent.parameters-too-deep: parameters nested more than 32 levels; "
            + "agent.parameters-too-large: parameters above 16 KiB as JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "agent.name-taken: another agent of the caller has this name "
            + "(ASCII letters compared without case)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post
    @Status(HttpStatus.CREATED)
    public HttpResponse<AgentResponse> create(@CurrentSession Session session, @Body AgentRequest body) {
        AgentResponse created = AgentResponse.of(agents.create(session, body.newAgent()));
        return Created.at(created, "/api/v1/agents", created.id());
    }

    /**
     * The caller's agents, most recently updated first, optionally only active or parked ones and only those of
     * one model: page {@code page}, or the agents after the cursor {@code after}; {@code next} continues the list.
     *
     * @param active true or false: only active or only parked agents
     * @param model  only agents of exactly this model
     * @param paging  page or after, and size ({@link CursorPaging})
     */
    @ApiResponse(responseCode = "400", description = "agent.invalid-filter: active is not true or false, or model is "
            + "longer than 200 characters; request.invalid-parameter: page or size is not a whole number the server can "
            + "read; page.invalid-page, page.invalid-size, page.page-with-cursor, page.invalid-cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public CursorPageResponse<AgentResponse> list(@CurrentSession Session session,
                                                  @QueryValue @Nullable String active,
                                                  @QueryValue @Nullable String model, @RequestBean CursorPaging paging) {
        AgentFilter filter = new AgentFilter(activeFilter(active), model);
        PageRequest slice = paging.request();
        return CursorPageResponse.of(agents.list(session, filter, slice), AgentResponse::of);
    }

    /** One agent of the caller. */
    @NotFoundAnswer
    @Get("/{id}")
    public AgentResponse get(@CurrentSession Session session, String id) {
        return AgentResponse.of(agents.get(session, agentId(id)));
    }

    /** Changes any of the fields together; {@code ""} clears the description or the system prompt. */
    @ApiResponse(responseCode = "400", description = "as for POST /api/v1/agents",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "agent.name-taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotFoundAnswer
    @Patch("/{id}")
    public AgentResponse update(@CurrentSession Session session, String id, @Body AgentRequest body) {
        AgentChanges changes = body.changes();
        return AgentResponse.of(agents.update(session, agentId(id), changes));
    }

    /** Deletes the agent; its chats and executions stay, detached, with the agent's name. */
    @Status(HttpStatus.NO_CONTENT)
    @NotFoundAnswer
    @Delete("/{id}")
    public HttpResponse<Void> delete(@CurrentSession Session session, String id) {
        agents.delete(session, agentId(id));
        return HttpResponse.noContent();
    }

    /** A new pending execution of the agent, in the chat {@code chatId} when given. */
    @ApiResponse(responseCode = "400", description = "execution.invalid-input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "agent.not-found; chat.not-found (also a chatId that is not an id)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "agent.inactive: the agent is parked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post("/{id}/executions")
    @Status(HttpStatus.CREATED)
    public HttpResponse<ExecutionResponse> start(@CurrentSession Session session, String id, @Body StartExecutionRequest body) {
        UUID agentId = agentId(id);
        UUID chatId = body.chatId() == null ? null : PathIds.parse(body.chatId(), CHAT_NOT_FOUND);
        ExecutionResponse started = ExecutionResponse.of(executions.start(session, agentId, chatId, body.input()));
        return Created.at(started, "/api/v1/executions", started.id());
    }

    private static UUID agentId(String id) {
        return PathIds.parse(id, NOT_FOUND);
    }

    /**
     * The {@code active} filter. Read here, not by the framework: its conversion takes anything but "true", "yes",
     * "y" or "on" for false, so {@code active=maybe} would silently list the parked agents.
     */
    private static Boolean activeFilter(String active) {
        if (active == null || active.isEmpty()) {
            return null;
        }
        return switch (active) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new RuleViolationException(INVALID_FILTER, "active must be true or false");
        };
    }
}
