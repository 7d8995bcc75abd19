package dev.researchvault.application.writing

import dev.researchvault.domain.writing.WritingRepository

class InMemoryWritingRepositorySpec extends WritingRepositoryContractSpec {

    @Override
    WritingRepository repository() {
        new InMemoryWritingRepository()
    }
}
