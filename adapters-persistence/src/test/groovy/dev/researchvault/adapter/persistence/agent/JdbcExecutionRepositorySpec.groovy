package dev.researchvault.adapter.persistence.agent

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.agent.ExecutionRepositoryContractSpec
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.agent.AgentExecution
import dev.researchvault.domain.agent.ExecutionLog
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import spock.lang.AutoCleanup
import spock.lang.Shared

/**
 * The execution contract on the real encrypted vault. Executions name agents and chats by foreign keys, so the
 * agents and chats they name are real rows; plus what only SQL shows.
 */
class JdbcExecutionRepositorySpec extends ExecutionRepositoryContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    @Override
    ExecutionRepository repository() {
        vault.newVault()
        vault.context.getBean(ExecutionRepository)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    @Override
    Agent storedAgent(String name) {
        vault.stored(super.storedAgent(name))
    }

    @Override
    UUID storedChat() {
        Chat chat = Chat.create(UUID.randomUUID(), 'runs', T0)
        inVault { vault.context.getBean(ChatRepository).add(chat) }
        chat.id()
    }

    def 'a chat deleted without detaching leaves its executions, unlinked by the foreign key'() {
        given:
        UUID chat = storedChat()
        AgentExecution run = execution('in a chat', T0, agent, chat)

        when:
        inVault { vault.context.getBean(ChatRepository).delete(chat) }

        then:
        with(inVault { repo.find(run.id()) }.get()) {
            chatId() == null
            agentId() == agent.id()
        }
    }

    def 'deleting an execution row deletes its log lines'() {
        given:
        AgentExecution doomed = execution('doomed')
        AgentExecution kept = execution('kept')
        [doomed, kept].each { run -> inVault { repo.appendLog(ExecutionLog.unnumbered(run.id(), 'info', 'line', T0)) } }

        when:
        vault.execute("DELETE FROM agent_execution WHERE id = '${doomed.id()}'")

        then:
        vault.countRows('agent_execution_log') == 1
        inVault { repo.logs(kept.id(), 0, 10) }*.message() == ['line']
    }
}
