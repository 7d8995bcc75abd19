package dev.researchvault.application.agent

import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.vault.VaultPerUser
import dev.researchvault.application.vault.WritesInTransaction
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.application.research.ResearchVaults
import dev.researchvault.application.writing.WritingVaults
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.writing.WritingRepository

/** The ports the agent use cases reach, as service specs see them: a fake per user's vault, writes only in a transaction. */
class AgentVaults {

    final AgentRepository agents = VaultPerUser.of(AgentRepository) {
        WritesInTransaction.of(AgentRepository, new InMemoryAgentRepository(), ['add', 'update', 'delete'])
    }
    final ExecutionRepository executions = VaultPerUser.of(ExecutionRepository) {
        WritesInTransaction.of(ExecutionRepository, new InMemoryExecutionRepository(),
                ['add', 'update', 'detachAgent', 'detachChat', 'appendLog'])
    }
    final ChatRepository chats = VaultPerUser.of(ChatRepository) {
        WritesInTransaction.of(ChatRepository, new InMemoryChatRepository(),
                ['add', 'update', 'delete', 'detachAgent', 'addMessage', 'updateMessage', 'deleteMessage', 'touch'])
    }
    final ResearchRepository research = ResearchVaults.perUser()
    final WritingRepository writing = WritingVaults.perUser()
}
