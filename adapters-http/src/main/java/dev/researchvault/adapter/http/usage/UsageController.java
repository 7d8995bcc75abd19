package dev.researchvault.adapter.http.usage;

import dev.researchvault.adapter.http.openapi.SessionRequired;
import dev.researchvault.adapter.http.problem.Problem;
import dev.researchvault.adapter.http.session.CurrentSession;
import dev.researchvault.adapter.http.usage.UsageMessages.UsageReportResponse;
import dev.researchvault.application.account.Session;
import dev.researchvault.application.usage.ReadUsageUseCase;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.usage.UsageGrouping;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What the caller's model calls cost: {@code /api/v1/usage}. */
@Controller("/api/v1/usage")
@SessionRequired
@ExecuteOn(TaskExecutors.BLOCKING)
record UsageController(ReadUsageUseCase usage) {

    /** The code of every range the report cannot cover, unreadable instants included (api.md names only this one). */
    static final String INVALID_RANGE = "usage.invalid-range";

    /**
     * Tokens, cost and calls of messages, agent executions and research created in {@code [from, to)}, grouped
     * by model or by UTC day, with their total.
     *
     * @param from    ISO-8601 instant ({@code 2026-11-01T00:00:00Z}), inclusive
     * @param to      ISO-8601 instant, exclusive; at most 3660 days after {@code from}
     * @param groupBy {@code model} (default) or {@code day}
     */
    @ApiResponse(responseCode = "400", description = "usage.invalid-range: from or to missing or not an ISO-8601 "
            + "instant, from not before to, or more than 3660 days apart; usage.invalid-group: groupBy is not model or day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get
    public UsageReportResponse report(@CurrentSession Session session, @QueryValue @Nullable String from,
                                      @QueryValue @Nullable String to,
                                      @QueryValue(defaultValue = "model") String groupBy) {
        UsageGrouping grouping = UsageGrouping.fromWire(groupBy);
        return UsageReportResponse.of(usage.report(session, instant(from, "from"), instant(to, "to"), grouping));
    }

    /** The instant {@code text} names; 400, naming the parameter but never repeating its value, otherwise. */
    private static Instant instant(String text, String name) {
        if (text == null) {
            throw new RuleViolationException(INVALID_RANGE, name + " is required (an ISO-8601 instant)");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            throw new RuleViolationException(INVALID_RANGE, name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
