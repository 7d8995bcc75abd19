package dev.researchvault.application.research

import dev.researchvault.domain.research.ResearchRepository

class InMemoryResearchRepositorySpec extends ResearchRepositoryContractSpec {

    @Override
    ResearchRepository repository() {
        new InMemoryResearchRepository()
    }
}
