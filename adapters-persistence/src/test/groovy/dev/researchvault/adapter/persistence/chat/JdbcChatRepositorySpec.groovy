package dev.researchvault.adapter.persistence.chat

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.chat.ChatRepositoryContractSpec
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import spock.lang.AutoCleanup
import spock.lang.Shared

/** The chat contract on the real encrypted vault, plus the cascade seen as row counts. */
class JdbcChatRepositorySpec extends ChatRepositoryContractSpec {

    @Shared
    @AutoCleanup
    OneVaultFixture vault = new OneVaultFixture()

    @Override
    ChatRepository repository() {
        vault.newVault()
        vault.context.getBean(ChatRepository)
    }

    @Override
    def <T> T inVault(Closure<T> work) {
        vault.inVault(work)
    }

    def 'deleting a chat deletes its message rows'() {
        given:
        Chat doomed = chat('doomed')
        Chat kept = chat('kept')
        2.times { message(doomed.id(), "m$it") }
        message(kept.id(), 'stays')

        when:
        inVault { repo.delete(doomed.id()) }

        then:
        vault.countRows('chat') == 1
        vault.countRows('chat_message') == 1
    }
}
