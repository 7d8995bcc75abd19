package dev.researchvault.application.agent

import dev.researchvault.domain.agent.ExecutionRepository

class InMemoryExecutionRepositorySpec extends ExecutionRepositoryContractSpec {

    @Override
    ExecutionRepository repository() {
        new InMemoryExecutionRepository()
    }
}
