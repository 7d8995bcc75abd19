package dev.researchvault.adapter.persistence.agent

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.agent.AgentRepositoryContractSpec
import dev.researchvault.domain.ConflictException
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.AgentFilter
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import spock.lang.AutoCleanup
import spock.lang.Shared

/** The agent contract on the real encrypted vault, plus what only SQL shows: the foreign keys' backstop. */
class JdbcAgentRepositorySpec extends AgentRepositoryContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    @Override
    AgentRepository repository() {
        vault.newVault()
        vault.context.getBean(AgentRepository)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    def 'an agent deleted without detaching leaves its executions and chats, unlinked by the foreign keys'() {
        given:
        Agent doomed = agent('doomed')
        Chat chat = Chat.create(UUID.randomUUID(), 'of doomed', doomed, T0)
        AgentExecution run = AgentExecution.create(UUID.randomUUID(), doomed, chat.id(), 'go', T0)
        inVault {
            vault.context.getBean(ChatRepository).add(chat)
            vault.context.getBean(ExecutionRepository).add(run)
        }

        when:
        vault.execute("DELETE FROM agent WHERE id = '${doomed.id()}'")

        then:
        with(inVault { vault.context.getBean(ExecutionRepository).find(run.id()) }.get()) {
            agentId() == null
            agentName() == 'doomed'
            chatId() == chat.id()
        }
        with(inVault { vault.context.getBean(ChatRepository).find(chat.id()) }.get().chat()) {
            agentId() == null
            agentName() == 'doomed'
        }
        vault.countRows('agent') == 0
    }

    def 'a refused name leaves the row counter as it was'() {
        given:
        agent('Writer')

        when:
        inVault { repo.add(Agent.create(UUID.randomUUID(), 'WRITER', null, 'm', null, true, [:], T0)) }

        then:
        thrown(ConflictException)
        vault.countRows('agent') == 1
        inVault { repo.list(AgentFilter.all(), PageRequest.first()) }.total() == 1
    }
}
