package dev.researchvault.adapter.http.events;

import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.research.PathIds;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.application.account.Session;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.UUID;
import org.reactivestreams.Publisher;

/**
 * Live changes as Server-Sent Events: {@code GET /api/v1/events} (all of the caller's) and
 * {@code GET /api/v1/research/{id}/events} (one research's). docs/events.md lists the events.
 */
@Controller("/api/v1")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record EventController(EventStreams streams) {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    /**
     * The caller's changes from now on: research status and progress, research and execution log lines, execution
     * status, new messages. With {@code Last-Event-ID}, first what was missed since that event (or one
     * {@code reload} event when that is no longer known), then what is new. A {@code heartbeat} event comes at once
     * and then periodically; the stream ends when the session does.
     *
     * @param lastEventId the {@code id} of the last event the client saw (browsers send it on reconnecting)
     */
    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<Map<String, Object>>> events(@CurrentSession Session session,
                                                       @Header(LAST_EVENT_ID) @Nullable String lastEventId) {
        return streams.open(session, listener -> streams.changes().watch(session, lastEventId, listener));
    }

    /**
     * One research's events (its research events and reloads), streamed as {@code GET /api/v1/events} streams all.
     *
     * @param lastEventId the {@code id} of the last event the client saw (browsers send it on reconnecting)
     */
    @ApiResponse(responseCode = "404", description = "research.not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/research/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<Map<String, Object>>> researchEvents(@CurrentSession Session session, String id,
                                                               @Header(LAST_EVENT_ID) @Nullable String lastEventId) {
        UUID researchId = PathIds.parse(id, "research.not-found");
        return streams.open(session,
                listener -> streams.changes().watchResearch(session, researchId, lastEventId, listener));
    }
}
