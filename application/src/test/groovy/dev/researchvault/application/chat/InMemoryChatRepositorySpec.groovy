package dev.researchvault.application.chat

import dev.researchvault.domain.chat.ChatRepository

class InMemoryChatRepositorySpec extends ChatRepositoryContractSpec {

    @Override
    ChatRepository repository() {
        new InMemoryChatRepository()
    }
}
