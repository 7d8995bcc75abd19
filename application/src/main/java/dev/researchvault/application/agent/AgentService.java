package dev.researchvault.application.agent;

import dev.researchvault.application.account.Session;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.Page;
import dev.researchvault.domain.PageRequest;
import dev.researchvault.domain.agent.Agent;
import dev.researchvault.domain.agent.AgentFilter;
import dev.researchvault.domain.agent.AgentRepository;
import dev.researchvault.domain.agent.ExecutionRepository;
import dev.researchvault.domain.chat.ChatRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** {@link ManageAgentsUseCase} over the caller's vault. */
public record AgentService(VaultWork vault, AgentRepository agents, ExecutionRepository executions,
                           ChatRepository chats, Clock clock) implements ManageAgentsUseCase {

    @Override
    public Agent create(Session caller, NewAgent agent) {
        Agent created = Agent.create(UUID.randomUUID(), agent.name(), agent.description(), agent.model(),
                agent.systemPrompt(), agent.active(), agent.parameters(), now());
        return vault.inTransaction(caller, () -> {
            agents.add(created);
            return created;
        });
    }

    @Override
    public Agent get(Session caller, UUID id) {
        return vault.inVault(caller, () -> agents.find(id).orElseThrow(AgentErrors::agentNotFound));
    }

    @Override
    public Page<Agent> list(Session caller, AgentFilter filter, PageRequest page) {
        return vault.inVault(caller, () -> agents.list(filter, page));
    }

    @Override
    public Agent update(Session caller, UUID id, Agent.AgentChanges changes) {
        Instant now = now();
        // Read and write in one transaction: a concurrent change cannot slip in between.
        return vault.inTransaction(caller, () -> {
            Agent changed = agents.find(id).orElseThrow(AgentErrors::agentNotFound).change(changes, now);
            agents.update(changed);
            return changed;
        });
    }

    @Override
    public void delete(Session caller, UUID id) {
        // One transaction: no chat or execution can be left pointing at an agent that is gone.
        vault.inTransaction(caller, () -> {
            if (agents.find(id).isEmpty()) {
                throw AgentErrors.agentNotFound();
            }
            chats.detachAgent(id);
            executions.detachAgent(id);
            return agents.delete(id);
        });
    }

    private Instant now() {
        // Millisecond precision: what the vault stores, so values read back equal to what was written.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
