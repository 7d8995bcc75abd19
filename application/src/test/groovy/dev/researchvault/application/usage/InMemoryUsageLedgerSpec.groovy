package dev.researchvault.application.usage

import dev.researchvault.application.agent.InMemoryExecutionRepository
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.research.InMemoryResearchRepository
import dev.researchvault.application.vault.InMemoryVaultScope
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.usage.TokenUsage
import dev.researchvault.domain.usage.UsageLedger

import java.time.Instant

class InMemoryUsageLedgerSpec extends UsageLedgerContractSpec {

    InMemoryChatRepository chats = new InMemoryChatRepository()
    InMemoryExecutionRepository executions = new InMemoryExecutionRepository()
    InMemoryResearchRepository research = new InMemoryResearchRepository()
    InMemoryUsageLedger fake = new InMemoryUsageLedger(chats, executions, research)
    Chat chat = Chat.create(UUID.randomUUID(), 'usage', DAY1)

    def setup() {
        inVault { chats.add(chat) }
    }

    @Override
    UsageLedger ledger() {
        fake
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        InMemoryVaultScope.bind(InMemoryVaultScope.SOMEONE, work)
    }

    @Override
    void recordMessage(Instant at, String model, TokenUsage usage) {
        inVault {
            chats.addMessage(new Message(UUID.randomUUID(), chat.id(), MessageRole.ASSISTANT, 'answer', [], at, model,
                    [], usage, [:], null))
        }
    }

    @Override
    void recordExecution(Instant at, String model, TokenUsage usage) {
        Agent agent = Agent.create(UUID.randomUUID(), 'agent', null, model, null, true, [:], at)
        inVault { executions.add(AgentExecution.create(UUID.randomUUID(), agent, null, 'input', at).report(null, null, usage)) }
    }

    @Override
    void recordResearch(Instant at, TokenUsage usage) {
        inVault { research.add(Research.create(UUID.randomUUID(), 'question', 'quick', at).withUsage(usage)) }
    }
}
