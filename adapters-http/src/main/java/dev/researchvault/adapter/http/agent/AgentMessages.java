package dev.researchvault.adapter.http.agent;

import static dev.researchvault.adapter.http.research.PathIds.time;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.researchvault.adapter.http.usage.UsageJson;
import dev.researchvault.application.agent.ManageAgentsUseCase.NewAgent;
import dev.researchvault.application.agent.RunAgentsUseCase.ExecutionReport;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.agent.Agent.AgentChanges;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.ExecutionLog;
import dev.researchvault.domain.agent.ExecutionStatus;
import dev.researchvault.domain.usage.TokenUsage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;

/**
 * Bodies of the agent and execution endpoints. Requests take every field as optional so the domain says what is
 * missing; responses always carry every field, null or not, so clients see the whole shape api.md describes.
 */
final class AgentMessages {

    private AgentMessages() {
    }

    /**
     * A new agent, or the changes of a PATCH (any of the fields; an empty {@code description} or
     * {@code systemPrompt} clears it).
     *
     * @param active true or false (a new agent is active unless it says false); a parked agent does not run
     */
    @Serdeable
    record AgentRequest(@Nullable String name, @Nullable String description, @Nullable String model,
                        @Nullable String systemPrompt,
                        // Any JSON value, checked by activeFlag(): read as a Boolean, the framework would take
                        // "yes", "maybe" or 0 for false and park the agent silently.
                        @Nullable @Schema(type = "boolean", nullable = true) Object active,
                        @Nullable Map<String, Object> parameters) {

        /** The agent to create; every refused part is named at once. */
        NewAgent newAgent() {
            Boolean flag = checkedActive(false);
            return new NewAgent(name, description, model, systemPrompt, flag, parameters);
        }

        /** The changes of a PATCH; every refused part is named at once. */
        AgentChanges changes() {
            Boolean flag = checkedActive(true);
            return new AgentChanges(name, description, model, systemPrompt, flag, parameters);
        }

        /** {@link #activeFlag}, once every part (active first, as it always was) has been checked. */
        private Boolean checkedActive(boolean changes) {
            FieldChecks fields = new FieldChecks();
            Boolean flag = fields.check("active", this::activeFlag);
            fields.checkAll("name", () -> Agent.checkFields(name, description, model, systemPrompt, parameters, changes));
            fields.requireNone();
            return flag;
        }

        /** {@code active} as sent (null: not sent); 400 {@value #INVALID_ACTIVE} for anything but true or false. */
        Boolean activeFlag() {
            if (active == null || active instanceof Boolean) {
                return (Boolean) active;
            }
            throw new RuleViolationException(INVALID_ACTIVE, "active must be true or false");
        }
    }

    /** Stable code of an {@code active} that is not a JSON boolean. */
    static final String INVALID_ACTIVE = "agent.invalid-active";

    @Serdeable
    record StartExecutionRequest(@Nullable String chatId, @Nullable String input) {
    }

    /** What the engine reports; a status change applies after the output, error and usage. */
    @Serdeable
    record UpdateExecutionRequest(@Nullable String status, @Nullable String output, @Nullable String error,
                                  @Nullable UsageJson usage) {

        /** The report; every refused part (status, output, error, usage) is named at once. */
        ExecutionReport report() {
            FieldChecks fields = new FieldChecks();
            ExecutionStatus parsedStatus = fields.check("status",
                    () -> status == null ? null : ExecutionStatus.fromWire(status));
            TokenUsage tokens = fields.check("usage", () -> UsageJson.toUsage(usage));
            ExecutionReport report = new ExecutionReport(parsedStatus, output, error, tokens);
            fields.checkAll("output", report::requireValid);
            fields.requireNone();
            return report;
        }
    }

    @Serdeable
    record AppendLogRequest(@Nullable String level, @Nullable String message) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AgentResponse(String id, String name, String description, String model, String systemPrompt,
                         boolean active, Map<String, Object> parameters, String createdAt, String updatedAt) {

        static AgentResponse of(Agent a) {
            return new AgentResponse(a.id().toString(), a.name(), a.description(), a.model(), a.systemPrompt(),
                    a.active(), a.parameters(), time(a.createdAt()), time(a.updatedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ExecutionResponse(String id, String agentId, String agentName, String chatId, String status, String input,
                             String output, String error, String model, String createdAt, String startedAt,
                             String completedAt, Long durationMs, UsageJson usage) {

        static ExecutionResponse of(AgentExecution e) {
            return new ExecutionResponse(e.id().toString(), text(e.agentId()), e.agentName(), text(e.chatId()),
                    e.status().wireName(), e.input(), e.output(), e.error(), e.model(), time(e.createdAt()),
                    time(e.startedAt()), time(e.completedAt()), e.durationMs(), UsageJson.of(e.usage()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LogResponse(long sequence, String level, String message, String createdAt) {

        static LogResponse of(ExecutionLog l) {
            return new LogResponse(l.sequence(), l.level(), l.message(), time(l.createdAt()));
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
