package dev.researchvault.adapter.persistence.chat

import dev.researchvault.adapter.persistence.support.OneVaultFixture
import dev.researchvault.application.chat.ChatRepositoryContractSpec
import dev.researchvault.domain.PageRequest
import dev.researchvault.domain.agent.Agent
import dev.researchvault.domain.chat.Chat
import dev.researchvault.domain.chat.ChatRepository
import dev.researchvault.domain.chat.ChatSummary
import dev.researchvault.domain.chat.Message
import dev.researchvault.domain.chat.MessageFile
import dev.researchvault.domain.chat.MessageRole
import spock.lang.AutoCleanup
import spock.lang.Shared

/**
 * The chat contract on the real encrypted vault (the agents chats belong to are real rows: a foreign key), plus
 * the cascade seen as row counts and rows as versions before V6 wrote them.
 */
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

    @Override
    Agent storedAgent(String name) {
        vault.stored(super.storedAgent(name))
    }

    def 'a chat and a message as versions before V6 wrote them read back as they did'() {
        given: 'rows with only the columns of V3, the new ones left NULL'
        UUID chat = UUID.randomUUID()
        UUID message = UUID.randomUUID()
        vault.execute("INSERT INTO chat (id, title, created_at, updated_at) VALUES "
                + "('$chat', 'old', '2024-05-01T10:00:00.456Z', '2024-05-01T10:00:01.456Z')")
        vault.execute("INSERT INTO chat_message (id, chat_id, role, content, files, created_at) VALUES ('$message', "
                + "'$chat', 'assistant', 'hello', '[{\"index\":0,\"name\":\"a.png\",\"mime\":\"image/png\","
                + "\"size\":12,\"hasThumbnail\":true}]', '2024-05-01T10:00:01.456Z')")

        expect:
        inVault { repo.find(chat) }.get() == new ChatSummary(new Chat(chat, 'old', T0, T0.plusSeconds(1)), 1)
        inVault { repo.findMessage(message) }.get() == new Message(message, chat, MessageRole.ASSISTANT, 'hello',
                [new MessageFile(0, 'a.png', 'image/png', 12, true)], T0.plusSeconds(1))
        inVault { repo.messages(chat, PageRequest.first()) }.items()*.id() == [message]
    }

    def 'updating an unknown chat or message changes nothing and does not fail'() {
        given:
        Chat ghost = Chat.create(UUID.randomUUID(), 'ghost', T0)

        when:
        inVault {
            repo.update(ghost.renamed('still a ghost', T0.plusSeconds(1)))
            repo.updateMessage(new Message(UUID.randomUUID(), ghost.id(), MessageRole.USER, 'x', [], T0).edited('y', T0))
        }

        then:
        vault.countRows('chat') == 0
        vault.countRows('chat_message') == 0
    }

    def 'a plain message stores NULL for what it does not have, as before V6'() {
        given:
        Chat owner = chat('plain')
        Message plain = message(owner.id(), 'hi')

        expect:
        vault.rows("SELECT count(*) FROM chat_message WHERE id = '${plain.id()}' AND model IS NULL "
                + "AND sources IS NULL AND metadata IS NULL AND prompt_tokens IS NULL AND completion_tokens IS NULL "
                + "AND cost_micros IS NULL AND edited_at IS NULL") == [[1]]
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
