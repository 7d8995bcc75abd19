package dev.researchvault.application.agent

import dev.researchvault.domain.agent.AgentRepository

class InMemoryAgentRepositorySpec extends AgentRepositoryContractSpec {

    @Override
    AgentRepository repository() {
        new InMemoryAgentRepository()
    }
}
