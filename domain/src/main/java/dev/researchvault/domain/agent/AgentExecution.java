package dev.researchvault.domain.agent;

import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.Texts;
import dev.researchvault.domain.usage.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of an agent on an input, optionally inside a chat. Its times follow from its status changes, never
 * from the client: {@code startedAt} is set by the move to {@code running}, {@code completedAt} by the move to an
 * end state. It outlives its agent and its chat: {@code agentId}/{@code chatId} become null when they are
 * deleted, and {@code agentName} keeps the agent's name as it was when the execution was created.
 *
 * @param model the model the agent had when the execution was created (the engine may report another)
 */
public record AgentExecution(UUID id, UUID agentId, String agentName, UUID chatId, ExecutionStatus status,
                             String input, String output, String error, String model, Instant createdAt,
                             Instant startedAt, Instant completedAt, TokenUsage usage) {

    public static final int MAX_INPUT_LENGTH = 1_000_000;
    public static final int MAX_OUTPUT_LENGTH = 1_000_000;
    public static final int MAX_ERROR_LENGTH = 10_000;

    public AgentExecution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        FieldChecks fields = new FieldChecks();
        fields.check("input", () -> Texts.required(input, MAX_INPUT_LENGTH, "execution.invalid-input", "input"));
        fields.check("output", () -> checkOutput(output));
        fields.check("error", () -> checkError(error));
        fields.requireNone();
    }

    /** {@code output} (which may be null) when it is at most {@link #MAX_OUTPUT_LENGTH} well-formed chars. */
    public static String checkOutput(String output) {
        return Texts.bounded(output, MAX_OUTPUT_LENGTH, "execution.invalid-output", "output");
    }

    /** {@code error} (which may be null) when it is at most {@link #MAX_ERROR_LENGTH} well-formed chars. */
    public static String checkError(String error) {
        return Texts.bounded(error, MAX_ERROR_LENGTH, "execution.invalid-error", "error");
    }

    /** A new, pending execution of {@code agent}. */
    public static AgentExecution create(UUID id, Agent agent, UUID chatId, String input, Instant now) {
        return new AgentExecution(id, agent.id(), agent.name(), chatId, ExecutionStatus.PENDING, input, null, null,
                agent.model(), now, null, null, null);
    }

    /** This execution moved to {@code next} at {@code now}; staying in the same status changes nothing. */
    public AgentExecution moveTo(ExecutionStatus next, Instant now) {
        if (next == status) {
            return this;
        }
        if (!status.canMoveTo(next)) {
            throw new ConflictException("execution.illegal-status-change",
                    "an execution cannot move from " + status.wireName() + " to " + next.wireName());
        }
        Instant started = next == ExecutionStatus.RUNNING ? now : startedAt;
        Instant completed = next.isFinal() ? now : null;
        return new AgentExecution(id, agentId, agentName, chatId, next, input, output, error, model, createdAt,
                started, completed, usage);
    }

    /**
     * This execution with the engine's report: output, error and usage (null: unchanged). A finished execution's
     * result is final.
     */
    public AgentExecution report(String newOutput, String newError, TokenUsage newUsage) {
        if (newOutput == null && newError == null && newUsage == null) {
            return this;
        }
        if (status.isFinal()) {
            throw new ConflictException("execution.finished", "the result of a finished execution cannot change");
        }
        return new AgentExecution(id, agentId, agentName, chatId, status, input,
                newOutput != null ? newOutput : output, newError != null ? newError : error, model, createdAt,
                startedAt, completedAt, newUsage != null ? newUsage : usage);
    }

    /** Milliseconds from start to end, or null while not finished (or when it never started). */
    public Long durationMs() {
        if (startedAt == null || completedAt == null) {
            return null;
        }
        return Duration.between(startedAt, completedAt).toMillis();
    }
}
