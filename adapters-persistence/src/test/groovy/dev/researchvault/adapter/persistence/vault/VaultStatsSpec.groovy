package dev.researchvault.adapter.persistence.vault

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageRole
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

/** What {@code SqliteVaultMaintenance.stats} counts in vault.db: every table, and the messages of each role. */
class VaultStatsSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-01T10:00:00Z')

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    def setup() {
        vault.newVault()
    }

    Map<String, Long> vaultRowCounts() {
        vault.stats()['vault.db'].rowCounts()
    }

    def 'an empty vault counts zero of everything, every role included'() {
        expect:
        vaultRowCounts().subMap(['agent', 'agent_execution', 'agent_execution_log', 'chat', 'chat_message', 'research',
                                 'chat_message.user', 'chat_message.assistant', 'chat_message.system']).values().every { it == 0 }
        vaultRowCounts().keySet().containsAll(['research', 'research_log', 'row_count', 'vault_meta'])
    }

    def 'agents, executions and messages per role are counted'() {
        given:
        Agent agent = Agent.create(UUID.randomUUID(), 'Counter', null, 'llama3', null, true, [:], T0)
        Chat chat = Chat.create(UUID.randomUUID(), 'counted', agent, T0)
        vault.inVault {
            vault.context.getBean(AgentRepository).add(agent)
            vault.context.getBean(ChatRepository).add(chat)
            2.times { vault.context.getBean(ExecutionRepository).add(AgentExecution.create(UUID.randomUUID(), agent, chat.id(), 'go', T0)) }
            [MessageRole.USER, MessageRole.ASSISTANT, MessageRole.USER].each { role ->
                vault.context.getBean(ChatRepository).addMessage(new Message(UUID.randomUUID(), chat.id(), role, 'm', [], T0))
            }
        }

        expect:
        vaultRowCounts().subMap(['agent', 'agent_execution', 'chat_message', 'chat_message.user', 'chat_message.assistant',
                                 'chat_message.system']) ==
                ['agent': 1L, 'agent_execution': 2L, 'chat_message': 3L, 'chat_message.user': 2L,
                 'chat_message.assistant': 1L, 'chat_message.system': 0L]
        !vault.stats()['blobs.db'].rowCounts().keySet().any { it.startsWith('chat_message') }
    }
}
