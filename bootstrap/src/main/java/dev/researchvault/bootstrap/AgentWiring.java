package dev.researchvault.bootstrap;

import dev.researchvault.application.agent.AgentService;
import dev.researchvault.application.agent.ExecutionService;
import dev.researchvault.application.events.ChangeHub;
import dev.researchvault.application.usage.UsageService;
import dev.researchvault.application.vault.VaultWork;
import dev.researchvault.domain.agent.AgentRepository;
import dev.researchvault.domain.agent.ExecutionRepository;
import dev.researchvault.domain.chat.ChatRepository;
import dev.researchvault.domain.usage.UsageLedger;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the agent, execution and usage use cases over their vault-bound repositories. */
@Factory
public class AgentWiring {

    @Singleton
    AgentService agentService(VaultWork vault, AgentRepository agents, ExecutionRepository executions,
                              ChatRepository chats, Clock clock) {
        return new AgentService(vault, agents, executions, chats, clock);
    }

    @Singleton
    ExecutionService executionService(VaultWork vault, ExecutionRepository executions, AgentRepository agents,
                                      ChatRepository chats, ChangeHub events, Clock clock) {
        return new ExecutionService(vault, executions, agents, chats, events, clock);
    }

    @Singleton
    UsageService usageService(VaultWork vault, UsageLedger ledger) {
        return new UsageService(vault, ledger);
    }
}
