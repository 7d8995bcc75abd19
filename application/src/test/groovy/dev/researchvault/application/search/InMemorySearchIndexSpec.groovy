package dev.researchvault.application.search

import dev.researchvault.application.agent.InMemoryAgentRepository
import dev.researchvault.application.agent.InMemoryExecutionRepository
import dev.researchvault.application.chat.InMemoryChatRepository
import dev.researchvault.application.document.InMemoryDocumentLibrary
import dev.researchvault.application.research.InMemoryResearchRepository
import dev.researchvault.application.writing.InMemoryWritingRepository
import dev.researchvault.domain.agent.AgentRepository
import dev.researchvault.domain.agent.ExecutionRepository
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.document.DocumentRepository
import dev.researchvault.domain.research.ResearchRepository
import dev.researchvault.domain.search.SearchIndex
import dev.researchvault.domain.writing.WritingRepository

class InMemorySearchIndexSpec extends SearchIndexContractSpec {

    Map<Class, Object> ports

    @Override
    SearchIndex freshIndex() {
        ports = [(ResearchRepository) : new InMemoryResearchRepository(),
                 (ChatRepository)     : new InMemoryChatRepository(),
                 (AgentRepository)    : new InMemoryAgentRepository(),
                 (ExecutionRepository): new InMemoryExecutionRepository(),
                 (DocumentRepository) : new InMemoryDocumentLibrary().documents,
                 (WritingRepository)  : new InMemoryWritingRepository()]
        new InMemorySearchIndex(port(ResearchRepository), port(ChatRepository), port(AgentRepository),
                port(ExecutionRepository), port(DocumentRepository), port(WritingRepository))
    }

    @Override
    def <T> T port(Class<T> type) {
        ports[type] as T
    }
}
