package dev.researchvault.application.agent;

import dev.researchvault.application.account.Session;
import dev.researchvault.domain.FieldChecks;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.RuleViolationException;
import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.ExecutionFilter;
import dev.researchvault.domain.agent.ExecutionLog;
import dev.researchvault.domain.agent.ExecutionStatus;
import dev.researchvault.domain.usage.TokenUsage;
import java.util.List;
import java.util.UUID;

/**
 * Executions of the caller's agents: the engine that runs them (outside this service) starts one, reports its
 * progress, result and usage, and logs what it does.
 */
public interface RunAgentsUseCase {

    /** Most log lines answered per call. */
    int MAX_LOG_LINES_PER_CALL = 1_000;

    /**
     * A new pending execution of agent {@code agentId}, in chat {@code chatId} when given. 404
     * {@code agent.not-found} / {@code chat.not-found}; 409 {@code agent.inactive} for a parked agent.
     */
    AgentExecution start(Session caller, UUID agentId, UUID chatId, String input);

    /** 404 {@code execution.not-found} when the caller has no such execution. */
    AgentExecution get(Session caller, UUID id);

    /** The caller's executions matching {@code filter}, newest first. */
    Page<AgentExecution> list(Session caller, ExecutionFilter filter, PageRequest page);

    /**
     * Applies the engine's report and then the status change, together (all or none). 409
     * {@code execution.illegal-status-change} or {@code execution.finished}; 404 as above.
     */
    AgentExecution update(Session caller, UUID id, ExecutionReport report);

    /** Appends a log line, numbered after the execution's last one. 404 as above; 400 for a bad line. */
    ExecutionLog appendLog(Session caller, UUID id, String level, String message);

    /** Up to {@link #MAX_LOG_LINES_PER_CALL} lines after {@code afterSequence}, in order. 404 as above. */
    List<ExecutionLog> logs(Session caller, UUID id, long afterSequence);

    /** What {@link #update} takes; every null field leaves its part unchanged. */
    record ExecutionReport(ExecutionStatus status, String output, String error, TokenUsage usage) {

        /**
         * Checks output and error, before any execution is read.
         *
         * @throws RuleViolationException naming every refused part, with the first refusal's code
         */
        public void requireValid() {
            FieldChecks fields = new FieldChecks();
            fields.check("output", () -> AgentExecution.checkOutput(output));
            fields.check("error", () -> AgentExecution.checkError(error));
            fields.requireNone();
        }
    }
}
