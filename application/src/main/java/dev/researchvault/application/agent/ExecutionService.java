package dev.researchvault.application.agent;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.events.ChangeEvents;
import dev.researchvault.application.events.ChangeFeed;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.ConflictException;
import dev.researchvault.domain.NotFoundException;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentExecution;
import dev.researchvault.domain.agent.AgentRepository;
import dev.researchvault.domain.agent.ExecutionFilter;
import dev.researchvault.domain.agent.ExecutionLog;
import dev.researchvault.domain.agent.ExecutionRepository;
import dev.researchvault.domain.chat.ChatRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link RunAgentsUseCase} over the caller's vault. */
public record ExecutionService(VaultWork vault, ExecutionRepository executions, AgentRepository agents,
                               ChatRepository chats, ChangeFeed events, Clock clock) implements RunAgentsUseCase {

    @Override
    public AgentExecution start(Session caller, UUID agentId, UUID chatId, String input) {
        Instant now = now();
        AgentExecution started = vault.inTransaction(caller, () -> {
            Agent agent = agents.find(agentId).orElseThrow(AgentErrors::agentNotFound);
            if (!agent.active()) {
                throw new ConflictException("agent.inactive", "this agent is parked; activate it to run it");
            }
            if (chatId != null && chats.find(chatId).isEmpty()) {
                throw new NotFoundException("chat.not-found", "no chat with this id");
            }
            AgentExecution created = AgentExecution.create(UUID.randomUUID(), agent, chatId, input, now);
            executions.add(created);
            return created;
        });
        events.publish(caller.userId(), ChangeEvents.executionUpdated(started));
        return started;
    }

    @Override
    public AgentExecution get(Session caller, UUID id) {
        return vault.inVault(caller, () -> existing(id));
    }

    @Override
    public Page<AgentExecution> list(Session caller, ExecutionFilter filter, PageRequest page) {
        return vault.inVault(caller, () -> executions.list(filter, page));
    }

    @Override
    public AgentExecution update(Session caller, UUID id, ExecutionReport report) {
        report.requireValid();
        Instant now = now();
        // Read and write in one transaction: a concurrent status change cannot slip in between. The report goes
        // first, so "completed, with this output" is one request: a finished execution's result is final.
        AgentExecution updated = vault.inTransaction(caller, () -> {
            AgentExecution changed = existing(id).report(report.output(), report.error(), report.usage());
            if (report.status() != null) {
                changed = changed.moveTo(report.status(), now);
            }
            executions.update(changed);
            return changed;
        });
        events.publish(caller.userId(), ChangeEvents.executionUpdated(updated));
        return updated;
    }

    @Override
    public ExecutionLog appendLog(Session caller, UUID id, String level, String message) {
        ExecutionLog line = ExecutionLog.unnumbered(id, level, message, now());
        ExecutionLog appended = inExecution(caller, id, () -> vault.inTransaction(() -> executions.appendLog(line)));
        events.publish(caller.userId(), ChangeEvents.executionLog(appended));
        return appended;
    }

    @Override
    public List<ExecutionLog> logs(Session caller, UUID id, long afterSequence) {
        return inExecution(caller, id, () -> executions.logs(id, afterSequence, MAX_LOG_LINES_PER_CALL));
    }

    private AgentExecution existing(UUID id) {
        return executions.find(id).orElseThrow(AgentErrors::executionNotFound);
    }

    /** Runs {@code work} in the caller's vault once the execution is known to exist there (else 404). */
    private <T> T inExecution(Session caller, UUID id, Supplier<T> work) {
        return vault.inVault(caller, () -> {
            existing(id);
            return work.get();
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
