package dev.researchvault.adapter.persistence.usage

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.usage.UsageLedgerContractSpec
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import dev.researchvault.domain.research.Research
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.usage.TokenUsage
import dev.researchvault.domain.usage.UsageGrouping
import dev.researchvault.domain.usage.UsageLedger
import dev.researchvault.domain.usage.UsageTotal
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.time.Instant

/** The usage contract on the real encrypted vault, recorded through the real repositories. */
class JdbcUsageLedgerSpec extends UsageLedgerContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    Chat chat = Chat.create(UUID.randomUUID(), 'usage', DAY1)

    def setup() {
        vault.newVault()
        inVault { bean(ChatRepository).add(chat) }
    }

    private <T> T bean(Class<T> type) {
        vault.context.getBean(type)
    }

    @Override
    UsageLedger ledger() {
        bean(UsageLedger)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    @Override
    void recordMessage(Instant at, String model, TokenUsage usage) {
        inVault {
            bean(ChatRepository).addMessage(new Message(UUID.randomUUID(), chat.id(), MessageRole.ASSISTANT, 'answer',
                    [], at, model, [], usage, [:], null))
        }
    }

    @Override
    void recordExecution(Instant at, String model, TokenUsage usage) {
        Agent agent = Agent.create(UUID.randomUUID(), "agent ${UUID.randomUUID()}", null, model, null, true, [:], at)
        inVault {
            bean(AgentRepository).add(agent)
            bean(ExecutionRepository).add(AgentExecution.create(UUID.randomUUID(), agent, null, 'input', at).report(null, null, usage))
        }
    }

    @Override
    void recordResearch(Instant at, TokenUsage usage) {
        inVault { bean(ResearchRepository).add(Research.create(UUID.randomUUID(), 'question', 'quick', at).withUsage(usage)) }
    }

    def 'rows written before usage was recorded (NULL columns) count for nothing'() {
        given:
        recordMessage(DAY1, 'm', new TokenUsage(5, 5, 0.5))
        vault.execute("INSERT INTO chat_message (id, chat_id, role, content, created_at) VALUES "
                + "('${UUID.randomUUID()}', '${chat.id()}', 'user', 'old', '2026-11-01T10:00:00.000Z')")
        vault.execute("INSERT INTO research (id, query, mode, status, created_at) VALUES "
                + "('${UUID.randomUUID()}', 'old', 'quick', 'pending', '2026-11-01T10:00:00.000Z')")

        expect:
        totals(DAY1, DAY3, UsageGrouping.MODEL) == [new UsageTotal('m', 5, 5, 0.5, 1)]
    }
}
